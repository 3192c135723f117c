package dev.akin.embed;

/**
 * How hard the embedder works.
 *
 * @param threads ONNX Runtime intra-op threads per inference
 * @param predictors inferences that may run at once (each borrows a DJL predictor from a pool)
 * @param batchSize texts per inference batch
 */
public record EmbedOptions(int threads, int predictors, int batchSize) {
    /** Checks that threads and predictors are in 1..256 and the batch size in 1..1024. */
    public EmbedOptions {
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("threads must be in 1..256, got " + threads);
        }
        if (predictors < 1 || predictors > 256) {
            throw new IllegalArgumentException("predictors must be in 1..256, got " + predictors);
        }
        if (batchSize < 1 || batchSize > 1024) {
            throw new IllegalArgumentException("batchSize must be in 1..1024, got " + batchSize);
        }
    }

    /** All cores for one inference at a time, batches of 16 (measured best on 2 cores; docs/benchmarks.md). */
    public static EmbedOptions defaults() {
        return new EmbedOptions(Runtime.getRuntime().availableProcessors(), 1, 16);
    }
}
