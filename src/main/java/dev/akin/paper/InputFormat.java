package dev.akin.paper;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The input formats akin reads, told apart by file name. */
public enum InputFormat {
    /** Scraped "daily papers" listings: {@code .txt} or {@code .md}. */
    LISTING(new ListingReader(), ".txt", ".md"),
    /** One JSON object per line: {@code .jsonl} or {@code .ndjson}, optionally gzipped. */
    JSON_LINES(new JsonLinesReader(), ".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz"),
    /** CSV with a header row: {@code .csv}, optionally gzipped. */
    CSV(new CsvReader(), ".csv", ".csv.gz");

    private final PaperReader reader;
    private final String[] suffixes;

    InputFormat(PaperReader reader, String... suffixes) {
        this.reader = reader;
        this.suffixes = suffixes;
    }

    /** The format of a file, or empty when its name says none akin knows. */
    public static Optional<InputFormat> of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (InputFormat format : values()) {
            for (String suffix : format.suffixes) {
                if (name.endsWith(suffix)) {
                    return Optional.of(format);
                }
            }
        }
        return Optional.empty();
    }

    PaperReader reader() {
        return reader;
    }

    static String known() {
        return ".txt/.md (listings), .jsonl/.ndjson[.gz], .csv[.gz]";
    }
}
