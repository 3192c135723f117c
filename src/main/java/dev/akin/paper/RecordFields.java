package dev.akin.paper;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Maps a record with named fields (a JSON object, a CSV row) to a paper. Understands the arXiv metadata snapshot
 * (id, title, abstract, authors, categories, update_date), BEIR corpora (_id, title, text) and CSFCube
 * (paper_id, year, abstract as a list of sentences).
 */
public final class RecordFields {
    private static final List<String> ID = List.of("id", "_id", "paper_id", "doc_id", "arxiv_id");
    private static final List<String> ABSTRACT = List.of("abstract", "text", "summary");
    private static final List<String> DATE = List.of("update_date", "date", "published");
    private static final Set<String> MISSING = Set.of("none", "null", "nan", "n/a");

    private RecordFields() {
    }

    /**
     * A paper from one JSON object (an API request body, say).
     *
     * @param record the object
     * @param where how to name the record in an error, e.g. "papers[3]"
     * @return the paper
     * @throws InputException naming {@code where} and the reason when the record cannot be a paper
     */
    public static Paper paper(JsonNode record, String where) {
        Result result = toPaper(record, where);
        if (result.paper() == null) {
            throw new InputException(result.skipped().toString());
        }
        return result.paper();
    }

    /** The paper, or the reason the record cannot be one. */
    static Result toPaper(JsonNode record, String where) {
        if (!record.isObject()) {
            return Result.skip(where, "expected a JSON object, found " + record.getNodeType().name().toLowerCase());
        }
        String title = text(record.get("title")).orElse("");
        String abstractText = ABSTRACT.stream().map(record::get).map(RecordFields::text)
                .flatMap(Optional::stream).findFirst().orElse("");
        if (title.isBlank() && abstractText.isBlank()) {
            return Result.skip(where, "neither title nor abstract");
        }
        Optional<String> id = ID.stream().map(record::get).map(RecordFields::text).flatMap(Optional::stream)
                .filter(s -> !s.isBlank()).findFirst();
        if (id.isEmpty() && title.isBlank()) {
            return Result.skip(where, "no id, and no title to derive one from");
        }
        LocalDate date = null;
        for (String field : DATE) {
            Optional<String> value = text(record.get(field));
            if (value.isPresent()) {
                try {
                    date = LocalDate.parse(value.get().strip().substring(0, Math.min(10, value.get().strip().length())));
                    break;
                } catch (DateTimeParseException e) {
                    return Result.skip(where, "field '" + field + "': '" + value.get() + "' is not a date (YYYY-MM-DD)");
                }
            }
        }
        Integer year = null;
        Optional<String> yearText = text(record.get("year"));
        if (yearText.isPresent()) {
            try {
                year = Integer.valueOf(yearText.get().strip());
            } catch (NumberFormatException e) {
                return Result.skip(where, "field 'year': '" + yearText.get() + "' is not a year");
            }
        }
        try {
            String paperId = id.orElseGet(() -> PaperIds.fromTitle(title)).strip();
            return new Result(new Paper(paperId, clean(title), clean(abstractText), list(record.get("authors"),
                    ",| and "), null, date, year, list(record.has("categories") ? record.get("categories")
                    : record.get("category"), "[\\s,;]+"), where), null);
        } catch (IllegalArgumentException e) {
            // e.g. a title of only punctuation, which no id can be derived from
            return Result.skip(where, e.getMessage());
        }
    }

    /** arXiv abstracts keep the listing's hard line breaks: fold them. */
    private static String clean(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static Optional<String> text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Optional.empty();
        }
        if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            node.forEach(n -> text(n).ifPresent(parts::add));
            return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", parts));
        }
        // Python exports write missing values as "None" or "NaN": those are absent, not malformed.
        if (node.isValueNode() && !node.asText().isBlank() && !MISSING.contains(node.asText().strip().toLowerCase())) {
            return Optional.of(node.asText());
        }
        return Optional.empty();
    }

    private static List<String> list(JsonNode node, String separator) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(n -> text(n).map(String::strip).filter(s -> !s.isEmpty()).ifPresent(out::add));
        } else if (node.isValueNode()) {
            for (String part : node.asText().split(separator)) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }

    /** Either a paper or a skip. */
    record Result(Paper paper, Skipped skipped) {
        static Result skip(String where, String reason) {
            return new Result(null, new Skipped(where, reason));
        }

        void sendTo(PaperSink sink) {
            if (paper != null) {
                sink.accept(paper);
            } else {
                sink.skip(skipped);
            }
        }
    }
}
