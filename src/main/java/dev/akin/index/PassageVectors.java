package dev.akin.index;

import java.nio.ByteBuffer;
import java.util.List;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.VectorUtil;

/**
 * The unit vectors of a paper's passages (its sentences), int8-quantized with one scale per vector: a quarter of
 * the float32 size, and the dot product runs on Lucene's SIMD int8 kernel. Arrays are shared, not copied; treat
 * them as read-only.
 *
 * @param codes one int8 vector per passage, all of one length
 * @param scales per passage, the float that a code unit stands for
 */
public record PassageVectors(byte[][] codes, float[] scales) {
    /** Checks that there is at least one passage, one scale per passage and one length for all. */
    public PassageVectors {
        if (codes == null || scales == null || codes.length == 0 || codes.length != scales.length) {
            throw new IllegalArgumentException("passage vectors need one scale per vector and at least one vector, got "
                    + (codes == null ? "no" : codes.length) + " vectors and " + (scales == null ? "no" : scales.length)
                    + " scales");
        }
        for (byte[] code : codes) {
            if (code.length != codes[0].length) {
                throw new IllegalArgumentException("passage vectors differ in length: " + code.length + " vs "
                        + codes[0].length);
            }
        }
    }

    /** Quantizes float vectors: each scaled so that its largest component is 127. */
    public static PassageVectors quantize(List<float[]> vectors) {
        byte[][] codes = new byte[vectors.size()][];
        float[] scales = new float[vectors.size()];
        for (int i = 0; i < codes.length; i++) {
            float[] v = vectors.get(i);
            float max = 0;
            for (float x : v) {
                max = Math.max(max, Math.abs(x));
            }
            scales[i] = max == 0 ? 1 : max / 127f;
            codes[i] = new byte[v.length];
            for (int d = 0; d < v.length; d++) {
                codes[i][d] = (byte) Math.round(v[d] / scales[i]);
            }
        }
        return new PassageVectors(codes, scales);
    }

    /** Number of passages. */
    public int size() {
        return codes.length;
    }

    /** Passage {@code i}'s approximate dot product with passage {@code j} of {@code other}. */
    public double dot(int i, PassageVectors other, int j) {
        return VectorUtil.dotProduct(codes[i], other.codes[j]) * (double) scales[i] * other.scales[j];
    }

    /**
     * How well {@code other} covers these passages: for each of these, the dot product with its closest passage in
     * {@code other}, averaged (see {@link PassageMatcher}, which prepares one side for many matches).
     */
    public double meanMax(PassageVectors other) {
        return PassageMatcher.of(this).meanMax(other);
    }

    /** Count, length, then per passage its scale and code: the stored form. */
    BytesRef encode() {
        int dim = codes[0].length;
        ByteBuffer out = ByteBuffer.allocate(8 + codes.length * (4 + dim));
        out.putInt(codes.length).putInt(dim);
        for (int i = 0; i < codes.length; i++) {
            out.putFloat(scales[i]).put(codes[i]);
        }
        return new BytesRef(out.array());
    }

    /** Reads back what {@link #encode} wrote. */
    static PassageVectors decode(BytesRef stored) {
        if (stored.length < 8) {
            throw new IndexException("stored passage vectors are damaged: " + stored.length
                    + " bytes, shorter than their 8-byte header");
        }
        ByteBuffer in = ByteBuffer.wrap(stored.bytes, stored.offset, stored.length);
        int count = in.getInt();
        int dim = in.getInt();
        if (count < 1 || dim < 1 || (long) count * (4 + dim) + 8 != stored.length) {
            throw new IndexException("stored passage vectors are damaged: " + count + " x " + dim + " in "
                    + stored.length + " bytes");
        }
        byte[][] codes = new byte[count][dim];
        float[] scales = new float[count];
        for (int i = 0; i < count; i++) {
            scales[i] = in.getFloat();
            in.get(codes[i]);
        }
        return new PassageVectors(codes, scales);
    }
}
