package dev.akin.index;

import java.util.Arrays;

/**
 * Which of the nearest papers a passages answer goes on to match sentence by sentence: the {@code size} whose
 * passages best match the query's one whole vector, blended with their cosine as the full match will be. That
 * rough match costs one dot product per candidate sentence instead of one per pair, and the store runs it on each
 * candidate's sentences where they lie, so the others are never copied out of the index.
 *
 * @param whole the query's whole vector, as the asking side
 * @param wholeWeight the cosine's share against the passage match, 0..1
 * @param size how many candidates to keep, at least 1
 */
public record Shortlist(PassageMatcher whole, double wholeWeight, int size) {
    /** Checks the weight and size. */
    public Shortlist {
        if (whole == null) {
            throw new IllegalArgumentException("a shortlist needs the query's vector");
        }
        if (!(wholeWeight >= 0 && wholeWeight <= 1)) {
            throw new IllegalArgumentException("shortlist whole weight must be in [0, 1], got " + wholeWeight);
        }
        if (size < 1) {
            throw new IllegalArgumentException("shortlist size must be >= 1, got " + size);
        }
    }

    /** A candidate's rough score: its blend (see {@link PassageMatcher#blend}) with the query's whole vector. */
    double rough(double cosine, PassageVectors passages) {
        return whole.blend(cosine, passages, wholeWeight);
    }

    /**
     * The positions (ascending) of the {@code n} best rough scores; at the cut, the first in order fill it. A NaN
     * score (a damaged vector) ranks below every other.
     */
    static int[] best(double[] scores, int n) {
        if (n >= scores.length) {
            int[] all = new int[scores.length];
            Arrays.setAll(all, i -> i);
            return all;
        }
        double[] rough = new double[scores.length];
        Arrays.setAll(rough, i -> Double.isNaN(scores[i]) ? Double.NEGATIVE_INFINITY : scores[i]);
        double[] sorted = rough.clone();
        Arrays.sort(sorted);
        double cut = sorted[sorted.length - n];
        int above = 0;
        for (double r : rough) {
            above += r > cut ? 1 : 0;
        }
        int atCut = n - above;
        int[] kept = new int[n];
        int next = 0;
        for (int i = 0; i < rough.length; i++) {
            if (rough[i] > cut || rough[i] == cut && atCut-- > 0) {
                kept[next++] = i;
            }
        }
        return kept;
    }
}
