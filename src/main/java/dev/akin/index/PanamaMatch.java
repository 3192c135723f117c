package dev.akin.index;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link PassageMatcher}'s kernel on the Vector API: four query rows at a time share each load and widening of a
 * candidate's int8 row, so a match of nine sentences by nine costs about half what nine-by-nine int8 dot products
 * on Lucene's kernel do. Only loaded when the {@code jdk.incubator.vector} module is present.
 */
final class PanamaMatch {
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Byte> BYTES =
            VectorSpecies.of(byte.class, VectorShape.forBitSize(FLOATS.length() * Byte.SIZE));

    private PanamaMatch() {
    }

    /** Whether the platform's vectors are wide enough to be worth it (as Lucene requires: 128 bits or more). */
    static boolean usable() {
        return FLOATS.vectorBitSize() >= 128;
    }

    /** What {@link PassageMatcher#scalarBestMatches} does, on vectors. */
    static void bestMatches(float[][] rows, byte[][] doc, float[] docScales, double[] best) {
        int i = 0;
        for (; i + 4 <= rows.length; i += 4) {
            bestOfFour(rows[i], rows[i + 1], rows[i + 2], rows[i + 3], doc, docScales, best, i);
        }
        for (; i < rows.length; i++) {
            best[i] = bestOfOne(rows[i], doc, docScales);
        }
    }

    private static void bestOfFour(float[] q0, float[] q1, float[] q2, float[] q3, byte[][] doc, float[] docScales,
                                   double[] best, int at) {
        int bound = FLOATS.loopBound(q0.length);
        double b0 = Double.NEGATIVE_INFINITY;
        double b1 = b0;
        double b2 = b0;
        double b3 = b0;
        for (int j = 0; j < doc.length; j++) {
            byte[] row = doc[j];
            FloatVector a0 = FloatVector.zero(FLOATS);
            FloatVector a1 = a0;
            FloatVector a2 = a0;
            FloatVector a3 = a0;
            for (int c = 0; c < bound; c += FLOATS.length()) {
                FloatVector d = widen(row, c);
                a0 = FloatVector.fromArray(FLOATS, q0, c).fma(d, a0);
                a1 = FloatVector.fromArray(FLOATS, q1, c).fma(d, a1);
                a2 = FloatVector.fromArray(FLOATS, q2, c).fma(d, a2);
                a3 = FloatVector.fromArray(FLOATS, q3, c).fma(d, a3);
            }
            float s0 = a0.reduceLanes(VectorOperators.ADD);
            float s1 = a1.reduceLanes(VectorOperators.ADD);
            float s2 = a2.reduceLanes(VectorOperators.ADD);
            float s3 = a3.reduceLanes(VectorOperators.ADD);
            for (int c = bound; c < row.length; c++) {
                s0 += q0[c] * row[c];
                s1 += q1[c] * row[c];
                s2 += q2[c] * row[c];
                s3 += q3[c] * row[c];
            }
            b0 = Math.max(b0, s0 * (double) docScales[j]);
            b1 = Math.max(b1, s1 * (double) docScales[j]);
            b2 = Math.max(b2, s2 * (double) docScales[j]);
            b3 = Math.max(b3, s3 * (double) docScales[j]);
        }
        best[at] = b0;
        best[at + 1] = b1;
        best[at + 2] = b2;
        best[at + 3] = b3;
    }

    private static double bestOfOne(float[] q, byte[][] doc, float[] docScales) {
        int bound = FLOATS.loopBound(q.length);
        double best = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < doc.length; j++) {
            byte[] row = doc[j];
            FloatVector a = FloatVector.zero(FLOATS);
            for (int c = 0; c < bound; c += FLOATS.length()) {
                a = FloatVector.fromArray(FLOATS, q, c).fma(widen(row, c), a);
            }
            float s = a.reduceLanes(VectorOperators.ADD);
            for (int c = bound; c < row.length; c++) {
                s += q[c] * row[c];
            }
            best = Math.max(best, s * (double) docScales[j]);
        }
        return best;
    }

    private static FloatVector widen(byte[] row, int at) {
        return (FloatVector) ByteVector.fromArray(BYTES, row, at).convertShape(VectorOperators.B2F, FLOATS, 0);
    }
}
