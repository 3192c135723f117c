package dev.akin.bench;

import dev.akin.embed.EmbedOptions;
import dev.akin.embed.ModelSpec;
import dev.akin.embed.OnnxEmbedder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/**
 * Token lengths of the benchmark texts, and the FLOPs a BERT encoder spends on them: per layer, the Q/K/V/output
 * projections (4·H² multiply-adds per token) and the feed-forward block (2·H·4H), plus attention (2·n²·H): with
 * 2 FLOPs per multiply-add, 24·n·H² + 4·n²·H per layer.
 */
record OnnxTokens(int[] lengths, int layers, int hidden) {
    /** Tokenized at the model's own max tokens (at most {@code maxTokens}). */
    static OnnxTokens of(ModelSpec spec, List<String> texts, int maxTokens) {
        try (OnnxEmbedder e = OnnxEmbedder.open(EmbedBench.withMaxTokens(spec, Math.min(maxTokens, spec.maxTokens())),
                new EmbedOptions(1, 1, 1), Files.createTempDirectory("akin-tok"))) {
            int[] lengths = texts.stream().mapToInt(t -> e.tokenize(t).length).toArray();
            return new OnnxTokens(lengths, layers(spec.name()), spec.dimensions());
        } catch (IOException e) {
            throw new UncheckedIOException("no temporary folder for the tokenizer: " + e.getMessage(), e);
        }
    }

    /** Encoder layers of the bundled models (int8 or not): MiniLM-L6 has 6, bge-small 12; 0 when unknown. */
    static int layers(String model) {
        return model.startsWith("all-minilm-l6") ? 6 : model.startsWith("bge-small") ? 12 : 0;
    }

    double meanTokens(int maxTokens) {
        return java.util.Arrays.stream(lengths).map(n -> Math.min(n, maxTokens)).average().orElse(0);
    }

    double meanGflops(int maxTokens) {
        double total = 0;
        for (int n : lengths) {
            double len = Math.min(n, maxTokens);
            total += layers * (24 * len * hidden * hidden + 4 * len * len * hidden);
        }
        return total / lengths.length / 1e9;
    }
}
