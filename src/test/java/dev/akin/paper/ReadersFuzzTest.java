package dev.akin.paper;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;

/**
 * Arbitrary bytes into each reader: a paper comes out well-formed, a bad record is skipped with its line and a
 * reason, an unreadable file is an {@link InputException} naming it; nothing else escapes. Run for a bounded time
 * by the build (one surefire execution each, see pom.xml); without JAZZER_FUZZ they replay their corpus only.
 */
class ReadersFuzzTest {
    @FuzzTest(maxDuration = "15s")
    void listingReaderEmitsWellFormedPapersOrDocumentedErrors(byte[] input) {
        read(new ListingReader(), input, "fuzz.txt");
    }

    @FuzzTest(maxDuration = "15s")
    void jsonLinesReaderEmitsWellFormedPapersOrDocumentedErrors(byte[] input) {
        read(new JsonLinesReader(), input, "fuzz.jsonl");
    }

    @FuzzTest(maxDuration = "15s")
    void csvReaderEmitsWellFormedPapersOrDocumentedErrors(byte[] input) {
        read(new CsvReader(), input, "fuzz.csv");
    }

    private static void read(PaperReader reader, byte[] input, String file) {
        CollectingSink sink = new CollectingSink();
        try {
            reader.read(new Lines(new ByteArrayInputStream(input), file), sink);
        } catch (InputException e) {
            assertThat(e.getMessage()).contains(file);
            return;
        }
        int lines = input.length == 0 ? 0 : new String(input, java.nio.charset.StandardCharsets.ISO_8859_1)
                .split("\r\n|\r|\n", -1).length;
        assertThat(sink.papers.size() + sink.skipped.size()).as("records out of %d lines", lines)
                .isLessThanOrEqualTo(lines);
        for (Paper paper : sink.papers) {
            assertThat(paper.id()).isNotBlank();
            assertThat(paper.title() != null || paper.abstractText() != null).isTrue();
        }
        for (Skipped skip : sink.skipped) {
            assertThat(skip.location()).startsWith(file + ":");
            assertThat(skip.reason()).isNotBlank();
        }
    }
}
