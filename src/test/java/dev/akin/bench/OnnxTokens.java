package dev.akin.bench;

import dev.akin.embed.EmbedOptions;
import dev.akin.embed.ModelSpec;
import dev.akin.embed.OnnxEmbedder;
import java.nio.file.Files;
import java.util.List;

/**
 * Token lengths of the benchmark texts, and the FLOPs a BERT encoder spends on them: per layer, the Q/K/V/output
 * projections (4·H² multiply-adds per token) and the feed-forward block (2·H·4H), plus attention (2·n²·H): with
 * 2 FLOPs per multiply-add, 24·n·H² + 4·n²·H per layer.
 */
record OnnxTokens(int[] lengths256, int layers, int hidden) {
    static OnnxTokens of(ModelSpec spec, List<String> texts) throws Exception {
        try (OnnxEmbedder e = OnnxEmbedder.open(EmbedBench.withMaxTokens(spec, 256), new EmbedOptions(1, 1, 1),
                Files.createTempDirectory("akin-tok"))) {
            int[] lengths = texts.stream().mapToInt(t -> e.tokenize(t).length).toArray();
            return new OnnxTokens(lengths, 6, 384); // all-MiniLM-L6-v2: 6 layers, hidden size 384
        }
    }

    double meanTokens(int maxTokens) {
        return java.util.Arrays.stream(lengths256).map(n -> Math.min(n, maxTokens)).average().orElse(0);
    }

    double meanGflops(int maxTokens) {
        double total = 0;
        for (int n : lengths256) {
            double len = Math.min(n, maxTokens);
            total += layers * (24 * len * hidden * hidden + 4 * len * len * hidden);
        }
        return total / lengths256.length / 1e9;
    }
}
