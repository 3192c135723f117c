package dev.akin.index;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.util.BytesRef;

/**
 * The unit vectors of a paper's passages (its sentences), int8-quantized with one scale per vector: a quarter of
 * the float32 size. Held in their stored form (count, length, then per passage its scale and codes), so that
 * reading a candidate's passages from the index is one array copy, or none for a {@link #view}, and a match walks
 * that array in order. The array is never changed here, and is handed out only to the match kernels; a view's is
 * the doc values' own buffer, overwritten when they move to their next document.
 */
public final class PassageVectors {
    private static final VarHandle FLOAT = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final int HEADER = 8;
    private final byte[] stored;
    /** Where the stored form starts in {@link #stored}: 0, but for a view of a doc value. */
    private final int base;
    private final int size;
    private final int dim;

    private PassageVectors(byte[] stored, int base, int size, int dim) {
        this.stored = stored;
        this.base = base;
        this.size = size;
        this.dim = dim;
    }

    /** Quantizes float vectors: each scaled so that its largest component is 127. */
    public static PassageVectors quantize(List<float[]> vectors) {
        if (vectors.isEmpty()) {
            throw new IllegalArgumentException("passage vectors need at least one vector, got 0");
        }
        int dim = vectors.getFirst().length;
        byte[] out = new byte[HEADER + vectors.size() * (4 + dim)];
        INT.set(out, 0, vectors.size());
        INT.set(out, 4, dim);
        for (int i = 0; i < vectors.size(); i++) {
            float[] v = vectors.get(i);
            if (v.length != dim) {
                throw new IllegalArgumentException("passage vectors differ in length: " + v.length + " vs " + dim);
            }
            float max = 0;
            for (float x : v) {
                max = Math.max(max, Math.abs(x));
            }
            float scale = max == 0 ? 1 : max / 127f;
            int at = HEADER + i * (4 + dim);
            FLOAT.set(out, at, scale);
            for (int d = 0; d < dim; d++) {
                out[at + 4 + d] = (byte) Math.round(v[d] / scale);
            }
        }
        return new PassageVectors(out, 0, vectors.size(), dim);
    }

    /** Number of passages. */
    public int size() {
        return size;
    }

    /** Length of each passage's vector. */
    public int dim() {
        return dim;
    }

    /** The float that a code unit of passage {@code i} stands for. */
    public float scale(int i) {
        return (float) FLOAT.get(stored, offset(i) - 4);
    }

    /** Component {@code d} of passage {@code i}'s int8 code. */
    public byte code(int i, int d) {
        return stored[offset(i) + d];
    }

    /** Where passage {@code i}'s codes start in {@link #bytes()}; its scale is the four bytes before. */
    int offset(int i) {
        return base + HEADER + i * (4 + dim) + 4;
    }

    /** The array that holds the stored form, for the match kernels to read in place: do not change it. */
    byte[] bytes() {
        return stored;
    }

    /** Passage {@code i}'s approximate dot product with passage {@code j} of {@code other}: the int8 definition. */
    public double dot(int i, PassageVectors other, int j) {
        int sum = 0;
        for (int d = 0; d < dim; d++) {
            sum += code(i, d) * other.code(j, d);
        }
        return sum * (double) scale(i) * other.scale(j);
    }

    /**
     * How well {@code other} covers these passages: for each of these, the dot product with its closest passage in
     * {@code other}, averaged (see {@link PassageMatcher}, which prepares one side for many matches).
     */
    public double meanMax(PassageVectors other) {
        return PassageMatcher.of(this).meanMax(other);
    }

    /** The stored form. */
    BytesRef encode() {
        return new BytesRef(Arrays.copyOfRange(stored, base, base + HEADER + size * (4 + dim)));
    }

    /** Reads back what {@link #encode} wrote, copied out of {@code stored} (which doc values reuse). */
    static PassageVectors decode(BytesRef stored) {
        PassageVectors view = view(stored);
        return new PassageVectors(Arrays.copyOfRange(stored.bytes, stored.offset, stored.offset + stored.length), 0,
                view.size, view.dim);
    }

    /**
     * What {@link #encode} wrote, read where it lies, without a copy: valid only as long as {@code stored} is, and
     * doc values reuse it for their next document.
     */
    static PassageVectors view(BytesRef stored) {
        if (stored.length < HEADER) {
            throw new IndexException("stored passage vectors are damaged: " + stored.length
                    + " bytes, shorter than their 8-byte header");
        }
        int count = (int) INT.get(stored.bytes, stored.offset);
        int dim = (int) INT.get(stored.bytes, stored.offset + 4);
        if (count < 1 || dim < 1 || (long) count * (4 + dim) + HEADER != stored.length) {
            throw new IndexException("stored passage vectors are damaged: " + count + " x " + dim + " in "
                    + stored.length + " bytes");
        }
        return new PassageVectors(stored.bytes, stored.offset, count, dim);
    }
}
