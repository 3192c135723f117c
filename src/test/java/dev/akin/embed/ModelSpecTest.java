package dev.akin.embed;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelSpecTest {
    @Test
    void aDescriptorOutOfRangeSaysWhichFileAndWhichFieldAndNothingOfJackson(@TempDir Path dir) throws IOException {
        Path descriptor = dir.resolve(ModelSpec.DESCRIPTOR);
        Files.writeString(descriptor, """
                {"name": "tiny", "onnx": "model.onnx", "tokenizer": "tokenizer.json", "pooling": "mean",
                 "normalize": true, "maxTokens": 1, "dimensions": 384}
                """);
        assertThatThrownBy(() -> ModelSpec.load(dir)).isInstanceOf(ModelException.class)
                .hasMessage(descriptor + ": model descriptor: maxTokens must be in 2..8192, got 1");
    }
}
