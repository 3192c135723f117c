package dev.akin.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.akin.TestModels;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real model after close: every way in fails at once with a message naming it, none waits forever. */
class ClosedModelIT {
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
