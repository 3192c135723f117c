package dev.akin.index;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;

/**
 * One segment's summed term scores per document, for term-at-a-time search: every posting of every term is added
 * in, then the matches are offered to a {@link Best}.
 */
sealed interface SegmentScores {
    /**
     * Scores for a segment: an array over its doc ids when that is not much larger than the postings, else a hash
     * table sized by the postings, so that a few rare terms in a large segment allocate little.
     *
     * @param postings the postings to be added, or a bound on them
     */
    static SegmentScores of(long postings, int maxDoc) {
        return maxDoc <= 4 * postings ? new Dense(maxDoc) : new Sparse(postings, maxDoc);
    }

    /** Adds {@code boost} times each score to its document. */
    void add(int[] docs, float[] scores, double boost);

    /**
     * Offers every scored document that is live and that {@code filter} (null for none) accepts.
     *
     * @param docBase added to the segment's doc ids
     */
    void collect(Bits live, DocIdSetIterator filter, int docBase, Best best) throws IOException;

    private static boolean accepted(int doc, Bits live, DocIdSetIterator filter) throws IOException {
        return (live == null || live.get(doc))
                && (filter == null || (filter.docID() < doc ? filter.advance(doc) : filter.docID()) == doc);
    }

    /** An array over the segment's doc ids: adding is one store per posting, and collecting runs in doc order. */
    final class Dense implements SegmentScores {
        private final double[] values;

        Dense(int maxDoc) {
            values = new double[maxDoc];
        }

        @Override
        public void add(int[] docs, float[] scores, double boost) {
            for (int i = 0; i < docs.length; i++) {
                values[docs[i]] += boost * scores[i];
            }
        }

        @Override
        public void collect(Bits live, DocIdSetIterator filter, int docBase, Best best) throws IOException {
            for (int d = 0; d < values.length; d++) {
                float score = (float) values[d];
                // Most documents fall below the floor, and the check costs less than the live and filter lookups.
                if (score >= best.floor() && accepted(d, live, filter)) {
                    best.offer(docBase + d, score);
                }
            }
        }
    }

    /** Open addressing by doc id, sized by the postings; documents listed in the order first added. */
    final class Sparse implements SegmentScores {
        private final int[] keys;
        private final double[] values;
        private final int shift;
        private int[] docs;
        private int[] slots;
        private int size;

        Sparse(long postings, int maxDoc) {
            int bits = Math.max(4, 64 - Long.numberOfLeadingZeros(Math.max(1, postings) * 2 - 1));
            keys = new int[1 << bits];
            values = new double[keys.length];
            shift = 32 - bits;
            Arrays.fill(keys, -1);
            docs = new int[(int) Math.min(Math.max(postings, 16), Math.max(maxDoc, 16))];
            slots = new int[docs.length];
        }

        @Override
        public void add(int[] docs, float[] scores, double boost) {
            for (int i = 0; i < docs.length; i++) {
                add(docs[i], boost * scores[i]);
            }
        }

        void add(int doc, double score) {
            int slot = slot(doc);
            if (keys[slot] < 0) {
                if (size == docs.length) {
                    docs = Arrays.copyOf(docs, size * 2);
                    slots = Arrays.copyOf(slots, size * 2);
                }
                keys[slot] = doc;
                docs[size] = doc;
                slots[size++] = slot;
            }
            values[slot] += score;
        }

        @Override
        public void collect(Bits live, DocIdSetIterator filter, int docBase, Best best) throws IOException {
            if (filter != null) {
                sortByDoc(); // the filter iterates forwards only
            }
            for (int i = 0; i < size; i++) {
                float score = (float) score(i);
                if (score >= best.floor() && accepted(doc(i), live, filter)) {
                    best.offer(docBase + doc(i), score);
                }
            }
        }

        int size() {
            return size;
        }

        /** The {@code i}th document added (or in doc order, after {@link #sortByDoc}). */
        int doc(int i) {
            return docs[i];
        }

        /** The summed score of {@link #doc doc(i)}. */
        double score(int i) {
            return values[slots[i]];
        }

        void sortByDoc() {
            long[] packed = new long[size];
            for (int i = 0; i < size; i++) {
                packed[i] = (long) docs[i] << 32 | slots[i];
            }
            Arrays.sort(packed);
            for (int i = 0; i < size; i++) {
                docs[i] = (int) (packed[i] >>> 32);
                slots[i] = (int) packed[i];
            }
        }

        /** The slot holding {@code doc}, or the empty one where it would go. */
        private int slot(int doc) {
            int mask = keys.length - 1;
            int slot = (doc * 0x9E3779B9) >>> shift;
            while (keys[slot] >= 0 && keys[slot] != doc) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }
    }
}
