package dev.akin.index;

import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.LongHeap;

/**
 * The best {@code n} of positive-scored documents offered one by one: higher score first, and of equal scores the
 * lower doc id, as Lucene's top-docs collector ranks them. A heap of score and doc packed into one long (see
 * {@link #key}), so a collection allocates nothing per document.
 */
final class Best {
    private final LongHeap heap;
    private final int n;
    private float floor = Float.MIN_VALUE;

    Best(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        this.n = n;
        heap = new LongHeap(n);
    }

    /**
     * A document and its score as one long that orders as the ranking does. Non-negative floats order as their
     * bits; of equal scores, the lower doc gets the higher key.
     *
     * @param score not negative
     */
    static long key(int doc, float score) {
        return (long) Float.floatToIntBits(score) << 32 | (Integer.MAX_VALUE - doc);
    }

    /** The document and score that {@link #key} packed. */
    static ScoreDoc scoreDoc(long key) {
        return new ScoreDoc(Integer.MAX_VALUE - (int) key, score(key));
    }

    /** Empties {@code heap}, a heap of {@link #key}s, into score docs, best first. */
    static ScoreDoc[] drain(LongHeap heap) {
        ScoreDoc[] out = new ScoreDoc[heap.size()];
        for (int i = out.length - 1; i >= 0; i--) {
            out[i] = scoreDoc(heap.pop());
        }
        return out;
    }

    /**
     * The lowest score that can still get in: the smallest positive float until {@code n} are held, then the
     * {@code n}th best score (a tie gets in only with a lower doc id). Lets a caller skip a document cheaply.
     */
    float floor() {
        return floor;
    }

    /** @param score positive; a zero or negative score is not a match and is ignored */
    void offer(int doc, float score) {
        if (!(score > 0)) {
            return;
        }
        if (heap.insertWithOverflow(key(doc, score)) && heap.size() == n) {
            floor = score(heap.top());
        }
    }

    /** What was kept, best first; the heap is emptied, so ask once. */
    ScoreDoc[] toScoreDocs() {
        return drain(heap);
    }

    private static float score(long key) {
        return Float.intBitsToFloat((int) (key >>> 32));
    }
}
