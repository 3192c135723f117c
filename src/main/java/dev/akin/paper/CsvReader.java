package dev.akin.paper;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.util.Locale;

/** CSV with a header row naming the columns, in any case (id, title, abstract, authors, categories, date, year). */
public final class CsvReader implements PaperReader {
    private final CsvMapper csv = CsvMapper.builder().enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

    /** Stateless apart from its thread-safe parser, so {@link InputFormat} shares one instance. */
    public CsvReader() {
    }

    @Override
    public void read(Lines lines, PaperSink sink) {
        String header = lines.next();
        if (header == null) {
            return;
        }
        if (!header.matches("(?i).*\\b(title|abstract|text|summary)\\b.*")) {
            throw new InputException(lines.where() + ": CSV header names no 'title' or 'abstract' column: " + header);
        }
        // Quoted fields may span lines, so the CSV parser reads the rest; it reports its own line numbers.
        // RecordFields looks fields up by their lower-case names, so a header of "ID,Title,Abstract" must match too.
        Reader rest = new LinesReader(header.toLowerCase(Locale.ROOT), lines);
        try (MappingIterator<JsonNode> rows = csv.readerFor(JsonNode.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(rest)) {
            long lastFailure = -1;
            int lastSkippedLine = 0;
            while (true) {
                try {
                    if (!rows.hasNextValue()) {
                        break;
                    }
                    int line = rows.getCurrentLocation().getLineNr(); // where this row starts
                    JsonNode row = rows.nextValue();
                    RecordFields.toPaper(row, lines.where(line)).sendTo(sink);
                } catch (RuntimeJsonMappingException | JsonProcessingException e) {
                    if (e.getCause() instanceof InputException input) {
                        throw input;
                    }
                    JsonLocation at = rows.getCurrentLocation();
                    // The parser resumes at the next row; one that fails again without moving on would loop forever.
                    if (at.getCharOffset() == lastFailure) {
                        return;
                    }
                    lastFailure = at.getCharOffset();
                    // Skipping the rest of a bad row can trip over its later faults: the row is reported once.
                    if (at.getLineNr() != lastSkippedLine) {
                        lastSkippedLine = at.getLineNr();
                        sink.skip(new Skipped(lines.where(at.getLineNr()),
                                "malformed CSV row: " + e.getMessage().lines().findFirst().orElse("")));
                    }
                } catch (IOException e) {
                    // Not a parse error: the text could not be read, so nothing after this point can be.
                    throw new InputException(lines.where(rows.getCurrentLocation().getLineNr()) + ": read failed: "
                            + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            // Only the header is parsed outside the loop: e.g. an unclosed quote in it.
            throw new InputException(lines.where(1) + ": malformed CSV header: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    /** Feeds the header back in front of the remaining lines. */
    private static final class LinesReader extends Reader {
        private final Lines lines;
        private String pending;
        private int pos;

        LinesReader(String header, Lines lines) {
            this.lines = lines;
            this.pending = header + "\n";
        }

        @Override
        public int read(char[] buf, int off, int len) {
            if (pending == null) {
                return -1;
            }
            if (pos == pending.length()) {
                String next = lines.next();
                if (next == null) {
                    pending = null;
                    return -1;
                }
                pending = next + "\n";
                pos = 0;
            }
            int n = Math.min(len, pending.length() - pos);
            pending.getChars(pos, pos + n, buf, off);
            pos += n;
            return n;
        }

        @Override
        public void close() {
        }
    }
}
