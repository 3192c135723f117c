package dev.akin.search;

import dev.akin.index.Hit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
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
        Map<String, Hit> first = new LinkedHashMap<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        for (List<Hit> list : lists) {
            for (int rank = 0; rank < list.size(); rank++) {
                Hit hit = list.get(rank);
                first.putIfAbsent(hit.id(), hit);
                scores.merge(hit.id(), 1.0 / (RANK_CONSTANT + rank + 1), Double::sum);
            }
        }
        return top(first, scores, k);
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
        Map<String, Hit> first = new LinkedHashMap<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        for (int i = 0; i < weights.length; i++) {
            add(lists.get(i), weights[i], first, scores);
        }
        return top(first, scores, k);
    }

    /** Scores mapped linearly so that the list's best is 1 and its worst 0 (all 1 when they are equal). */
    static double[] minMax(List<Hit> hits) {
        double min = hits.stream().mapToDouble(Hit::score).min().orElse(0);
        double max = hits.stream().mapToDouble(Hit::score).max().orElse(0);
        return hits.stream().mapToDouble(h -> max == min ? 1 : (h.score() - min) / (max - min)).toArray();
    }

    private static void add(List<Hit> hits, double weight, Map<String, Hit> first, Map<String, Double> scores) {
        double[] normalized = minMax(hits);
        for (int i = 0; i < hits.size(); i++) {
            first.putIfAbsent(hits.get(i).id(), hits.get(i));
            scores.merge(hits.get(i).id(), weight * normalized[i], Double::sum);
        }
    }

    private static List<Hit> top(Map<String, Hit> first, Map<String, Double> scores, int k) {
        List<Hit> fused = new ArrayList<>();
        // Ties keep first-seen order (the dense list's): the sort is stable.
        scores.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .limit(k).forEach(e -> {
                    Hit h = first.get(e.getKey());
                    fused.add(new Hit(h.id(), h.title(), h.year(), e.getValue()));
                });
        return fused;
    }
}
