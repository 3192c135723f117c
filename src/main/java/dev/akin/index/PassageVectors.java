package dev.akin.index;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.List;
import org.apache.lucene.util.BytesRef;

/**
 * The unit vectors of a paper's passages (its sentences), int8-quantized with one scale per vector: a quarter of
 * the float32 size. The codes are one flat array, row after row, so that reading a candidate's passages from the
 * index is one allocation and a few copies, and a match walks memory in order. Arrays are shared, not copied;
 * treat them as read-only.
 *
 * @param codes the int8 vectors, row {@code i} at {@code i * dim()}
 * @param scales per passage, the float that a code unit stands for
 */
public record PassageVectors(byte[] codes, float[] scales) {
    private static final VarHandle FLOAT = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    /** Checks that there is at least one passage and that the codes are whole rows, one per scale. */
    public PassageVectors {
        if (codes == null || scales == null || scales.length == 0 || codes.length == 0
                || codes.length % scales.length != 0) {
            throw new IllegalArgumentException("passage vectors need at least one vector and one scale per vector, got "
                    + (codes == null ? "no" : codes.length) + " code bytes and "
                    + (scales == null ? "no" : scales.length) + " scales");
        }
    }

    /** Quantizes float vectors: each scaled so that its largest component is 127. */
    public static PassageVectors quantize(List<float[]> vectors) {
        if (vectors.isEmpty()) {
            throw new IllegalArgumentException("passage vectors need at least one vector, got 0 vectors");
        }
        int dim = vectors.getFirst().length;
        byte[] codes = new byte[vectors.size() * dim];
        float[] scales = new float[vectors.size()];
        for (int i = 0; i < scales.length; i++) {
            float[] v = vectors.get(i);
            if (v.length != dim) {
                throw new IllegalArgumentException("passage vectors differ in length: " + v.length + " vs " + dim);
            }
            float max = 0;
            for (float x : v) {
                max = Math.max(max, Math.abs(x));
            }
            scales[i] = max == 0 ? 1 : max / 127f;
            for (int d = 0; d < dim; d++) {
                codes[i * dim + d] = (byte) Math.round(v[d] / scales[i]);
            }
        }
        return new PassageVectors(codes, scales);
    }

    /** Number of passages. */
    public int size() {
        return scales.length;
    }

    /** Length of each passage's vector. */
    public int dim() {
        return codes.length / scales.length;
    }

    /** Passage {@code i}'s approximate dot product with passage {@code j} of {@code other}: the int8 definition. */
    public double dot(int i, PassageVectors other, int j) {
        int dim = dim();
        int sum = 0;
        for (int d = 0; d < dim; d++) {
            sum += codes[i * dim + d] * other.codes[j * dim + d];
        }
        return sum * (double) scales[i] * other.scales[j];
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
        int dim = dim();
        byte[] out = new byte[8 + size() * (4 + dim)];
        INT.set(out, 0, size());
        INT.set(out, 4, dim);
        for (int i = 0; i < size(); i++) {
            int at = 8 + i * (4 + dim);
            FLOAT.set(out, at, scales[i]);
            System.arraycopy(codes, i * dim, out, at + 4, dim);
        }
        return new BytesRef(out);
    }

    /** Reads back what {@link #encode} wrote. */
    static PassageVectors decode(BytesRef stored) {
        if (stored.length < 8) {
            throw new IndexException("stored passage vectors are damaged: " + stored.length
                    + " bytes, shorter than their 8-byte header");
        }
        int count = (int) INT.get(stored.bytes, stored.offset);
        int dim = (int) INT.get(stored.bytes, stored.offset + 4);
        if (count < 1 || dim < 1 || (long) count * (4 + dim) + 8 != stored.length) {
            throw new IndexException("stored passage vectors are damaged: " + count + " x " + dim + " in "
                    + stored.length + " bytes");
        }
        byte[] codes = new byte[count * dim];
        float[] scales = new float[count];
        for (int i = 0; i < count; i++) {
            int at = stored.offset + 8 + i * (4 + dim);
            scales[i] = (float) FLOAT.get(stored.bytes, at);
            System.arraycopy(stored.bytes, at + 4, codes, i * dim, dim);
        }
        return new PassageVectors(codes, scales);
    }
}
