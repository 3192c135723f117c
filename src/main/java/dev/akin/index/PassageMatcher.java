package dev.akin.index;

/**
 * The asking side of many passage matches, prepared once: a query paper's sentences (or a question's one vector)
 * as float rows, so that each candidate's int8 sentences are read and widened once for several rows at a time
 * (see {@link PanamaMatch}). A passages answer matches one query against up to a hundred candidates.
 */
public final class PassageMatcher {
    private static final boolean PANAMA = panama();
    /** Codes widened to floats, not yet scaled: their products with a candidate's codes stay exact integers. */
    private final float[][] rows;
    private final float[] scales;

    private PassageMatcher(float[][] rows, float[] scales) {
        this.rows = rows;
        this.scales = scales;
    }

    /** Matches with these passages as the asking side. */
    public static PassageMatcher of(PassageVectors passages) {
        float[][] rows = new float[passages.size()][passages.dim()];
        float[] scales = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            for (int d = 0; d < rows[i].length; d++) {
                rows[i][d] = passages.code(i, d);
            }
            scales[i] = passages.scale(i);
        }
        return new PassageMatcher(rows, scales);
    }

    /** Matches with one vector, as it is (not quantized), as the asking side. */
    public static PassageMatcher of(float[] vector) {
        return new PassageMatcher(new float[][] {vector.clone()}, new float[] {1f});
    }

    /**
     * How well {@code doc} covers the asking side: for each of its rows, the dot product with the closest passage
     * of {@code doc}, averaged. Not symmetric: a short query's one sentence needs one close passage, not all.
     */
    public double meanMax(PassageVectors doc) {
        int dim = doc.dim();
        if (dim != rows[0].length) {
            throw new IllegalArgumentException("passage vectors differ in length: " + rows[0].length + " vs " + dim);
        }
        double[] best = new double[rows.length];
        if (PANAMA) {
            PanamaMatch.bestMatches(rows, doc, best);
        } else {
            scalarBestMatches(rows, doc, best);
        }
        double sum = 0;
        for (int i = 0; i < rows.length; i++) {
            sum += best[i] * scales[i];
        }
        return sum / rows.length;
    }

    /**
     * For each row, the largest of its dot products with the passages of {@code doc}, each times its scale, into
     * {@code best}: the plain loop, where the Vector API is not there.
     */
    static void scalarBestMatches(float[][] rows, PassageVectors doc, double[] best) {
        byte[] codes = doc.bytes();
        for (int i = 0; i < rows.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < doc.size(); j++) {
                int row = doc.offset(j);
                float sum = 0;
                for (int d = 0; d < rows[i].length; d++) {
                    sum += rows[i][d] * codes[row + d];
                }
                max = Math.max(max, sum * (double) doc.scale(j));
            }
            best[i] = max;
        }
    }

    /**
     * A candidate's passage blend: {@code wholeWeight * cosine + (1 - wholeWeight) * meanMax}, where a candidate
     * without passages (written before the index kept them) keeps its cosine as its match.
     */
    public double blend(double cosine, PassageVectors passages, double wholeWeight) {
        double match = passages == null ? cosine : meanMax(passages);
        return wholeWeight * cosine + (1 - wholeWeight) * match;
    }

    /**
     * Whether the Vector API is there and Lucene's use of it is not switched off: an incubator module, resolved
     * only when the JVM is started with {@code --add-modules jdk.incubator.vector} (as akin's launcher wants).
     */
    private static boolean panama() {
        if (!Vectorization.panamaEnabled()) {
            return false;
        }
        try {
            return PanamaMatch.usable();
        } catch (LinkageError e) {
            return false;
        }
    }
}
