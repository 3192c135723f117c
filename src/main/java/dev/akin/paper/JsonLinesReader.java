package dev.akin.paper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** JSON Lines: one object per line (arXiv snapshot, BEIR corpus, CSFCube abstracts). */
public final class JsonLinesReader implements PaperReader {
    // Two objects glued on one line are a malformed line, not the first object with the second silently dropped.
    private final ObjectMapper json = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

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
