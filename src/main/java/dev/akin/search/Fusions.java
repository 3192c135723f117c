package dev.akin.search;

import dev.akin.index.Hit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Ranked lists made one: pure functions over hits, tested without an index. */
final class Fusions {
    /** RRF's rank constant: the value its authors found robust, damping the weight of the very first ranks. */
    static final int RANK_CONSTANT = 60;

    private Fusions() {
    }

    /** Reciprocal rank fusion: each paper scores the sum over lists of 1 / (60 + its rank there, from 1). */
    static List<Hit> rrf(List<List<Hit>> lists, int k) {
        Fused fused = new Fused(lists);
        for (List<Hit> list : lists) {
            for (int rank = 0; rank < list.size(); rank++) {
                fused.add(list.get(rank), 1.0 / (RANK_CONSTANT + rank + 1));
            }
        }
        return fused.top(k);
    }

    /**
     * Weighted score fusion: each list's scores min-max normalized to 0..1 (a paper absent from a list gets 0
     * there), then {@code denseWeight * dense + (1 - denseWeight) * lexical}.
     */
    static List<Hit> weighted(List<Hit> dense, List<Hit> lexical, double denseWeight, int k) {
        return weighted(List.of(dense, lexical), new double[] {denseWeight, 1 - denseWeight}, k);
    }

    /** As above for any number of lists: the sum over lists of its weight times the paper's normalized score. */
    static List<Hit> weighted(List<List<Hit>> lists, double[] weights, int k) {
        if (lists.size() != weights.length) {
            throw new IllegalArgumentException(lists.size() + " lists but " + weights.length + " weights");
        }
        Fused fused = new Fused(lists);
        for (int i = 0; i < weights.length; i++) {
            List<Hit> hits = lists.get(i);
            double[] normalized = minMax(hits);
            for (int j = 0; j < hits.size(); j++) {
                fused.add(hits.get(j), weights[i] * normalized[j]);
            }
        }
        return fused.top(k);
    }

    /** Scores mapped linearly so that the list's best is 1 and its worst 0 (all 1 when they are equal). */
    static double[] minMax(List<Hit> hits) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Hit hit : hits) {
            min = Math.min(min, hit.score());
            max = Math.max(max, hit.score());
        }
        double[] out = new double[hits.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = max == min ? 1 : (hits.get(i).score() - min) / (max - min);
        }
        return out;
    }

    /**
     * Papers in the order first seen, each with its summed score. Arrays and one id-to-slot map rather than a map
     * of boxed scores: a hybrid similar fuses on every request, and the boxed version cost a tenth of its time.
     */
    private static final class Fused {
        private final Map<String, Integer> slots;
        private final List<Hit> first;
        private double[] scores;

        Fused(List<List<Hit>> lists) {
            int n = lists.stream().mapToInt(List::size).sum();
            slots = HashMap.newHashMap(n);
            first = new ArrayList<>(n);
            scores = new double[Math.max(n, 1)];
        }

        void add(Hit hit, double score) {
            Integer slot = slots.putIfAbsent(hit.id(), first.size());
            if (slot == null) {
                first.add(hit);
                scores[first.size() - 1] = score;
            } else {
                scores[slot] += score;
            }
        }

        List<Hit> top(int k) {
            List<Integer> order = new ArrayList<>(first.size());
            for (int i = 0; i < first.size(); i++) {
                order.add(i);
            }
            // Ties keep first-seen order (the dense list's): the sort is stable.
            order.sort((a, b) -> Double.compare(scores[b], scores[a]));
            List<Hit> fused = new ArrayList<>(Math.min(k, order.size()));
            for (int i : order.subList(0, Math.min(k, order.size()))) {
                Hit h = first.get(i);
                fused.add(new Hit(h.id(), h.title(), h.year(), scores[i]));
            }
            return fused;
        }
    }
}
