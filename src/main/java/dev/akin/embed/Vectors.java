package dev.akin.embed;

import java.util.List;
import org.apache.lucene.util.VectorUtil;

/** Small vector maths on float arrays. */
public final class Vectors {
    private Vectors() {
    }

    /** Scales to unit length in place; a zero vector stays zero. Returns its argument. */
    public static float[] normalize(float[] v) {
        double norm = Math.sqrt(dot(v, v));
        if (norm > 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (v[i] / norm);
            }
        }
        return v;
    }

    /**
     * The dot product, which is the cosine similarity for unit vectors; the lengths must match. Lucene's SIMD
     * kernel: 10x a plain loop at 384 dimensions (docs/benchmarks.md, JMH), which MMR and explanations feel.
     */
    public static double dot(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors differ in length: " + a.length + " vs " + b.length);
        }
        return VectorUtil.dotProduct(a, b);
    }

    /** The mean of equal-length vectors. */
    public static float[] mean(List<float[]> vectors) {
        if (vectors.isEmpty()) {
            throw new IllegalArgumentException("mean of no vectors");
        }
        float[] out = new float[vectors.getFirst().length];
        for (float[] v : vectors) {
            if (v.length != out.length) {
                throw new IllegalArgumentException("vectors differ in length: " + v.length + " vs " + out.length);
            }
            for (int i = 0; i < out.length; i++) {
                out[i] += v[i] / vectors.size();
            }
        }
        return out;
    }

    /** {@code aWeight * a + (1 - aWeight) * b}, normalized; both of one length, the weight in 0..1. */
    public static float[] blend(float[] a, float[] b, double aWeight) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors differ in length: " + a.length + " vs " + b.length);
        }
        if (!(aWeight >= 0 && aWeight <= 1)) {
            throw new IllegalArgumentException("blend weight must be in 0..1, got " + aWeight);
        }
        float[] out = new float[a.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (aWeight * a[i] + (1 - aWeight) * b[i]);
        }
        return normalize(out);
    }

    /**
     * Rocchio's query for "like these, unlike those": the normalized mean of the liked vectors minus
     * {@code unlikeWeight} times the normalized mean of the unliked ones, normalized.
     */
    public static float[] rocchio(List<float[]> liked, List<float[]> unliked, float unlikeWeight) {
        if (liked.isEmpty()) {
            throw new IllegalArgumentException("at least one liked paper is needed");
        }
        if (unlikeWeight < 0) {
            throw new IllegalArgumentException("unlike weight must be >= 0, got " + unlikeWeight);
        }
        float[] query = normalize(mean(liked));
        if (!unliked.isEmpty()) {
            float[] away = normalize(mean(unliked));
            for (int i = 0; i < query.length; i++) {
                query[i] -= unlikeWeight * away[i];
            }
        }
        return normalize(query);
    }
}
