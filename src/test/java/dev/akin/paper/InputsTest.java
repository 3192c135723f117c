package dev.akin.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputsTest {
    @TempDir
    Path dir;

    private List<Paper> readAll(Inputs inputs) {
        CollectingSink sink = new CollectingSink();
        inputs.read(sink);
        return sink.papers;
    }

    @Test
    void walksFoldersInNameOrderAndReadsGzip() throws IOException {
        Files.writeString(dir.resolve("b.jsonl"), "{\"id\":\"b\",\"title\":\"B\"}\n");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("a.jsonl.gz")))) {
            out.write("{\"id\":\"a\",\"title\":\"A\"}\n".getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(dir.resolve("notes.pdf"), "x");
        Inputs inputs = Inputs.of(List.of(dir));
        assertThat(readAll(inputs)).extracting(Paper::id).containsExactly("a", "b");
        assertThat(inputs.ignoredFiles()).singleElement().satisfies(s -> assertThat(s.location()).endsWith("notes.pdf"));
    }

    @Test
    void namesTheFileForMissingUnknownAndEmptyInputs() throws IOException {
        assertThatThrownBy(() -> Inputs.of(List.of(dir.resolve("nope.jsonl"))))
                .isInstanceOf(InputException.class).hasMessageContaining("nope.jsonl").hasMessageContaining("no such");
        Files.writeString(dir.resolve("x.pdf"), "x");
        assertThatThrownBy(() -> Inputs.of(List.of(dir.resolve("x.pdf"))))
                .isInstanceOf(InputException.class).hasMessageContaining("x.pdf").hasMessageContaining("unknown format");
        assertThatThrownBy(() -> Inputs.of(List.of(dir)))
                .isInstanceOf(InputException.class).hasMessageContaining("no file akin can read");
    }

    @Test
    void aTruncatedGzipIsAnInputErrorNamingTheLineItBrokeOff() throws IOException {
        ByteArrayOutputStream gzip = new ByteArrayOutputStream();
        Random random = new Random(7);
        try (OutputStream out = new GZIPOutputStream(gzip)) {
            for (int i = 0; i < 2000; i++) {
                String title = Long.toHexString(random.nextLong()) + " " + Long.toHexString(random.nextLong());
                out.write(("{\"id\":\"p" + i + "\",\"title\":\"" + title + "\"}\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        Path truncated = dir.resolve("t.jsonl.gz");
        Files.write(truncated, Arrays.copyOf(gzip.toByteArray(), gzip.size() / 2));
        CollectingSink sink = new CollectingSink();
        assertThatThrownBy(() -> Inputs.of(List.of(truncated)).read(sink))
                .isInstanceOf(InputException.class).hasCauseInstanceOf(EOFException.class)
                .satisfies(e -> assertThat(e.getMessage()).startsWith(truncated + ":" + (sink.papers.size() + 1)
                        + ": read failed: ").contains("Unexpected end of ZLIB input stream"));
        assertThat(sink.papers).isNotEmpty();
    }

    @Test
    void rejectsNonUtf8NamingFileAndLine() throws IOException {
        Path latin1 = dir.resolve("l.txt");
        Files.write(latin1, "Title\nAbstract\nCaf\u00e9 title\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> readAll(Inputs.of(List.of(latin1))))
                .isInstanceOf(InputException.class).hasMessageContaining("l.txt:3").hasMessageContaining("UTF-8");
    }
}
