package dev.akin.index;

import java.util.Arrays;
import org.apache.lucene.search.ScoreDoc;

/**
 * The best {@code n} of positive-scored documents offered one by one: higher score first, and of equal scores the
 * lower doc id, as Lucene's top-docs collector ranks them. A heap of score and doc packed into one long, so a
 * collection allocates nothing per document.
 */
final class Best {
    private final long[] heap;
    private int size;
    private float floor = Float.MIN_VALUE;

    Best(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        heap = new long[n];
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
        // Positive floats order as their bits; of equal scores, the lower doc gets the higher key.
        long key = (long) Float.floatToIntBits(score) << 32 | (Integer.MAX_VALUE - doc);
        if (size < heap.length) {
            heap[size] = key;
            up(size++);
            if (size == heap.length) {
                floor = score(heap[0]);
            }
        } else if (key > heap[0]) {
            heap[0] = key;
            down();
            floor = score(heap[0]);
        }
    }

    /** What was kept, best first. */
    ScoreDoc[] toScoreDocs() {
        long[] sorted = Arrays.copyOf(heap, size);
        Arrays.sort(sorted);
        ScoreDoc[] out = new ScoreDoc[size];
        for (int i = 0; i < size; i++) {
            long key = sorted[size - 1 - i];
            out[i] = new ScoreDoc(Integer.MAX_VALUE - (int) key, score(key));
        }
        return out;
    }

    private static float score(long key) {
        return Float.intBitsToFloat((int) (key >>> 32));
    }

    private void up(int i) {
        long key = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (heap[parent] <= key) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = key;
    }

    private void down() {
        long key = heap[0];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && heap[child + 1] < heap[child]) {
                child++;
            }
            if (heap[child] >= key) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = key;
    }
}
