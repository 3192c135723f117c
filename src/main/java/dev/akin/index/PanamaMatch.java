package dev.akin.index;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link PassageMatcher}'s kernel on the Vector API, in blocks of four dot products that share their loads: four
 * query rows against one candidate row widened once, or, for a query row left over (and for the one-row shortlist
 * match), one query row against four candidate rows. Four independent sums also keep the FMA unit busy, where one
 * sum waits on its own previous FMA at every step. Only loaded when the {@code jdk.incubator.vector} module is
 * present.
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
    static void bestMatches(float[][] rows, PassageVectors doc, double[] best) {
        int i = 0;
        for (; i + 4 <= rows.length; i += 4) {
            fourRows(rows[i], rows[i + 1], rows[i + 2], rows[i + 3], doc, best, i);
        }
        for (; i < rows.length; i++) {
            best[i] = oneRow(rows[i], doc);
        }
    }

    private static void fourRows(float[] q0, float[] q1, float[] q2, float[] q3, PassageVectors passages,
                                 double[] best, int at) {
        byte[] doc = passages.bytes();
        int dim = q0.length;
        int bound = FLOATS.loopBound(dim);
        double b0 = Double.NEGATIVE_INFINITY;
        double b1 = b0;
        double b2 = b0;
        double b3 = b0;
        for (int j = 0; j < passages.size(); j++) {
            int row = passages.offset(j);
            double scale = passages.scale(j);
            FloatVector a0 = FloatVector.zero(FLOATS);
            FloatVector a1 = a0;
            FloatVector a2 = a0;
            FloatVector a3 = a0;
            for (int c = 0; c < bound; c += FLOATS.length()) {
                FloatVector d = widen(doc, row + c);
                a0 = FloatVector.fromArray(FLOATS, q0, c).fma(d, a0);
                a1 = FloatVector.fromArray(FLOATS, q1, c).fma(d, a1);
                a2 = FloatVector.fromArray(FLOATS, q2, c).fma(d, a2);
                a3 = FloatVector.fromArray(FLOATS, q3, c).fma(d, a3);
            }
            float s0 = a0.reduceLanes(VectorOperators.ADD);
            float s1 = a1.reduceLanes(VectorOperators.ADD);
            float s2 = a2.reduceLanes(VectorOperators.ADD);
            float s3 = a3.reduceLanes(VectorOperators.ADD);
            for (int c = bound; c < dim; c++) {
                s0 += q0[c] * doc[row + c];
                s1 += q1[c] * doc[row + c];
                s2 += q2[c] * doc[row + c];
                s3 += q3[c] * doc[row + c];
            }
            b0 = Math.max(b0, s0 * scale);
            b1 = Math.max(b1, s1 * scale);
            b2 = Math.max(b2, s2 * scale);
            b3 = Math.max(b3, s3 * scale);
        }
        best[at] = b0;
        best[at + 1] = b1;
        best[at + 2] = b2;
        best[at + 3] = b3;
    }

    private static double oneRow(float[] q, PassageVectors passages) {
        byte[] doc = passages.bytes();
        int dim = q.length;
        int bound = FLOATS.loopBound(dim);
        double best = Double.NEGATIVE_INFINITY;
        int j = 0;
        for (; j + 4 <= passages.size(); j += 4) {
            int r0 = passages.offset(j);
            int r1 = passages.offset(j + 1);
            int r2 = passages.offset(j + 2);
            int r3 = passages.offset(j + 3);
            FloatVector a0 = FloatVector.zero(FLOATS);
            FloatVector a1 = a0;
            FloatVector a2 = a0;
            FloatVector a3 = a0;
            for (int c = 0; c < bound; c += FLOATS.length()) {
                FloatVector v = FloatVector.fromArray(FLOATS, q, c);
                a0 = v.fma(widen(doc, r0 + c), a0);
                a1 = v.fma(widen(doc, r1 + c), a1);
                a2 = v.fma(widen(doc, r2 + c), a2);
                a3 = v.fma(widen(doc, r3 + c), a3);
            }
            float s0 = a0.reduceLanes(VectorOperators.ADD);
            float s1 = a1.reduceLanes(VectorOperators.ADD);
            float s2 = a2.reduceLanes(VectorOperators.ADD);
            float s3 = a3.reduceLanes(VectorOperators.ADD);
            for (int c = bound; c < dim; c++) {
                s0 += q[c] * doc[r0 + c];
                s1 += q[c] * doc[r1 + c];
                s2 += q[c] * doc[r2 + c];
                s3 += q[c] * doc[r3 + c];
            }
            best = Math.max(best, s0 * (double) passages.scale(j));
            best = Math.max(best, s1 * (double) passages.scale(j + 1));
            best = Math.max(best, s2 * (double) passages.scale(j + 2));
            best = Math.max(best, s3 * (double) passages.scale(j + 3));
        }
        for (; j < passages.size(); j++) {
            int row = passages.offset(j);
            FloatVector a = FloatVector.zero(FLOATS);
            for (int c = 0; c < bound; c += FLOATS.length()) {
                a = FloatVector.fromArray(FLOATS, q, c).fma(widen(doc, row + c), a);
            }
            float s = a.reduceLanes(VectorOperators.ADD);
            for (int c = bound; c < dim; c++) {
                s += q[c] * doc[row + c];
            }
            best = Math.max(best, s * (double) passages.scale(j));
        }
        return best;
    }

    private static FloatVector widen(byte[] doc, int at) {
        return (FloatVector) ByteVector.fromArray(BYTES, doc, at).convertShape(VectorOperators.B2F, FLOATS, 0);
    }
}
