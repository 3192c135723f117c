package dev.akin.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.akin.TestModels;
import dev.akin.embed.ModelException;
import dev.akin.paper.Paper;
import dev.akin.search.Akin;
import dev.akin.search.AkinConfig;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged index or a missing model file is a clear error that says what to do, and nothing is overwritten. */
class DamagedInputsIT {
    @TempDir
    Path dir;

    private Path smallIndex() {
        Path index = dir.resolve("index");
        try (Akin akin = Akin.open(AkinConfig.at(index, TestModels.dir()))) {
            akin.upsert(List.of(new Paper("a", "Graph neural networks", "Message passing.", null, null, null, 2020,
                    null, "t"), new Paper("b", "Protein folding", "Structure prediction.", null, null, null, 2021, null,
                    "t")));
        }
        return index;
    }

    private static Map<String, Long> sizes(Path index) throws IOException {
        Map<String, Long> sizes = new TreeMap<>();
        try (Stream<Path> files = Files.list(index)) {
            for (Path f : files.toList()) {
                sizes.put(f.getFileName().toString(), Files.size(f));
            }
        }
        return sizes;
    }

    @Test
    void aTruncatedIndexFileIsAnErrorThatSaysToReindexAndChangesNothing() throws IOException {
        Path index = smallIndex();
        Path biggest;
        try (Stream<Path> files = Files.list(index)) {
            biggest = files.filter(f -> !f.getFileName().toString().equals("write.lock"))
                    .max(Comparator.comparingLong(f -> f.toFile().length())).orElseThrow();
        }
        try (FileChannel ch = FileChannel.open(biggest, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() / 2);
        }
        Map<String, Long> before = sizes(index);
        assertThatThrownBy(() -> {
            try (Akin akin = Akin.open(AkinConfig.at(index, TestModels.dir()))) {
                akin.similar("a", 1, Filter.NONE);
            }
        }).isInstanceOf(IndexException.class).hasMessageContaining(index.toString()).hasMessageContaining("reindex");
        assertThat(sizes(index)).isEqualTo(before);
    }

    @Test
    void aMissingModelFileNamesTheFileAndHowToGetItBack() throws IOException {
        Path model = dir.resolve("models/all-minilm-l6-v2");
        Files.createDirectories(model);
        Files.copy(TestModels.model("all-minilm-l6-v2").resolve("akin-model.json"), model.resolve("akin-model.json"));
        Files.copy(TestModels.model("all-minilm-l6-v2").resolve("all-minilm-l6-v2-tokenizer.json"),
                model.resolve("all-minilm-l6-v2-tokenizer.json"));
        // Named explicitly, the model is checked as the index opens.
        assertThatThrownBy(() -> Akin.open(AkinConfig.at(dir.resolve("index"), dir.resolve("models"))
                .withModel("all-minilm-l6-v2"))).isInstanceOf(ModelException.class)
                .hasMessageContaining("all-minilm-l6-v2.onnx").hasMessageContaining("missing")
                .hasMessageContaining("generate-resources");
        assertThat(dir.resolve("index").toFile().list()).as("nothing written").isNullOrEmpty();
    }
}
