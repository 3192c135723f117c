package dev.akin.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.akin.TestModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real model's failures: one that cannot load, and one used after close, each a {@link ModelException} naming
 * the model, at once.
 */
class ModelLifecycleIT {
    @Test
    void aModelThatCannotLoadSaysWhichAndWhy(@TempDir Path dir) throws IOException {
        Path original = TestModels.model("all-minilm-l6-v2-q");
        ModelSpec spec = ModelSpec.load(original);
        Path broken = dir.resolve("broken");
        Files.createDirectories(broken);
        for (String file : List.of(ModelSpec.DESCRIPTOR, spec.tokenizer())) {
            Files.copy(original.resolve(file), broken.resolve(file));
        }
        Files.writeString(broken.resolve(spec.onnx()), "not an ONNX graph");
        assertThatThrownBy(() -> OnnxEmbedder.open(ModelSpec.load(broken), new EmbedOptions(1, 1, 8),
                dir.resolve("cache"))).isInstanceOf(ModelException.class)
                .hasMessageStartingWith("model 'all-minilm-l6-v2-q': cannot load " + broken.resolve(spec.onnx()));
    }

    @Test
    void aClosedModelRefusesEveryEmbeddingAtOnceNamingTheModel(@TempDir Path cache) {
        OnnxEmbedder model = OnnxEmbedder.open(ModelSpec.load(TestModels.model("all-minilm-l6-v2-q")),
                new EmbedOptions(2, 1, 8), cache);
        assertThat(model.embedQuery("coral reefs")).hasSize(384);
        model.close();
        model.close();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThatThrownBy(() -> model.embedQuery("coral reefs")).isInstanceOf(ModelException.class)
                    .hasMessage("model 'all-minilm-l6-v2-q' is closed: no more texts can be embedded");
            assertThatThrownBy(() -> model.embedDocuments(List.of("coral reefs")))
                    .isInstanceOf(ModelException.class).hasMessageContaining("is closed");
            assertThatThrownBy(() -> model.embedTokens(List.of(new long[] {101, 102})))
                    .isInstanceOf(ModelException.class).hasMessageContaining("is closed");
        });
    }
}
