package dev.akin.paper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON Lines: one object per line (arXiv snapshot, BEIR corpus, CSFCube abstracts). */
public final class JsonLinesReader implements PaperReader {
    private final ObjectMapper json = new ObjectMapper();

    /** Stateless apart from its thread-safe parser, so {@link InputFormat} shares one instance. */
    public JsonLinesReader() {
    }

    @Override
    public void read(Lines lines, PaperSink sink) {
        for (String line = lines.next(); line != null; line = lines.next()) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode record;
            try {
                record = json.readTree(line);
            } catch (JsonProcessingException e) {
                sink.skip(new Skipped(lines.where(), "malformed JSON: " + e.getOriginalMessage()));
                continue;
            }
            RecordFields.toPaper(record, lines.where()).sendTo(sink);
        }
    }
}
