package dev.akin.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.akin.index.Hit;
import dev.akin.search.Explanation;
import dev.akin.search.Results;
import java.io.PrintWriter;

/** Prints answers as a table for people or as one JSON document for programs. */
final class Printer {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);

    private Printer() {
    }

    static void results(PrintWriter out, Results results, boolean json) {
        if (json) {
            json(out, results);
            return;
        }
        out.printf("%-6s %-5s %-60s %s%n", "score", "year", "title", "id");
        for (Hit hit : results.results()) {
            out.printf("%.4f %-5s %-60s %s%n", hit.score(), hit.year() == null ? "-" : hit.year(),
                    abbreviate(hit.title(), 60), hit.id());
            Explanation why = results.why() == null ? null : results.why().get(hit.id());
            if (why != null) {
                out.printf("       why: \"%s\"%n            ~ \"%s\" (%.2f); shared: %s%n",
                        abbreviate(why.querySentence(), 100), abbreviate(why.paperSentence(), 100),
                        why.sentenceScore(), String.join(", ", why.sharedTerms()));
            }
        }
        out.printf("(%d results, %s, %s search, model %s)%n", results.results().size(), results.mode(),
                results.exact() ? "exact" : "approximate", results.model());
    }

    static void json(PrintWriter out, Object value) {
        try {
            out.println(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
        out.flush();
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
