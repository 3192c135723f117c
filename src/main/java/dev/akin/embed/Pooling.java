package dev.akin.embed;

/** How a model's token vectors become one sentence vector. Pure functions over flat row-major arrays. */
public enum Pooling {
    /** Average of the non-padding token vectors (sentence-transformers' MiniLM). */
    MEAN,
    /** The first ([CLS]) token's vector (BGE). */
    CLS;

    /**
     * Pools a batch.
     *
     * @param hidden last hidden state, shape [batch, tokens, dim], row-major
     * @param mask attention mask, shape [batch, tokens]: 1 for real tokens, 0 for padding
     * @param batch number of sequences
     * @param tokens padded sequence length
     * @param dim hidden size
     * @return one vector per sequence
     */
    public float[][] pool(float[] hidden, long[] mask, int batch, int tokens, int dim) {
        if (hidden.length != (long) batch * tokens * dim) {
            throw new IllegalArgumentException("hidden state has " + hidden.length + " values, expected " + batch
                    + "x" + tokens + "x" + dim);
        }
        if (mask.length != batch * tokens) {
            throw new IllegalArgumentException("mask has " + mask.length + " values, expected " + batch + "x" + tokens);
        }
        float[][] out = new float[batch][dim];
        for (int b = 0; b < batch; b++) {
            int base = b * tokens * dim;
            if (this == CLS) {
                System.arraycopy(hidden, base, out[b], 0, dim);
                continue;
            }
            int count = 0;
            for (int t = 0; t < tokens; t++) {
                if (mask[b * tokens + t] == 0) {
                    continue;
                }
                count++;
                int row = base + t * dim;
                for (int d = 0; d < dim; d++) {
                    out[b][d] += hidden[row + d];
                }
            }
            float scale = 1f / Math.max(count, 1);
            for (int d = 0; d < dim; d++) {
                out[b][d] *= scale;
            }
        }
        return out;
    }
}
