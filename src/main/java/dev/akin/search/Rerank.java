package dev.akin.search;

import dev.akin.embed.Vectors;
import dev.akin.index.Hit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What happens to a ranked list after retrieval: pure functions, tested without an index. */
final class Rerank {
    private Rerank() {
    }

    /**
     * The list without a second sighting of the same paper under another id: the same normalized title (a preprint
     * and its listing entry, say). The first, better-ranked one stays.
     */
    static List<Hit> distinctTitles(List<Hit> hits) {
        return distinctTitles(hits, List.of());
    }

    /**
     * As above, and without a paper titled as one of {@code given}, the question's own papers: those are excluded by
     * id, and a twin of one under another id is the same paper, no answer either.
     */
    static List<Hit> distinctTitles(List<Hit> hits, Collection<String> given) {
        Set<String> seen = new HashSet<>();
        for (String title : given) {
            if (title != null) {
                seen.add(Titles.key(title));
            }
        }
        List<Hit> out = new ArrayList<>(hits.size());
        for (Hit hit : hits) {
            // A title with no letters or digits has nothing to compare: the paper stays.
            String key = hit.title() == null ? "" : Titles.key(hit.title());
            if (key.isEmpty() || seen.add(key)) {
                out.add(hit);
            }
        }
        return out;
    }

    /**
     * The hits whose value reaches {@code min}, in order.
     *
     * @param values one per hit, in the same order: what the threshold compares (not necessarily the hit's score)
     */
    static List<Hit> atLeast(List<Hit> hits, double[] values, double min) {
        if (values.length != hits.size()) {
            throw new IllegalArgumentException(hits.size() + " hits but " + values.length + " values");
        }
        List<Hit> out = new ArrayList<>(hits.size());
        for (int i = 0; i < values.length; i++) {
            if (values[i] >= min) {
                out.add(hits.get(i));
            }
        }
        return out;
    }

    /**
     * Maximal marginal relevance: repeatedly takes the candidate maximizing {@code lambda * relevance - (1 -
     * lambda) * (its highest cosine with any paper already taken)}, relevance being the candidate's score min-max
     * normalized over the list. Scores are kept; only the order changes.
     *
     * @param vectors the candidates' unit vectors, in the same order
     */
    static List<Hit> mmr(List<Hit> candidates, List<float[]> vectors, double lambda, int k) {
        if (candidates.size() != vectors.size()) {
            throw new IllegalArgumentException(candidates.size() + " candidates but " + vectors.size() + " vectors");
        }
        double[] relevance = Fusions.minMax(candidates);
        double[] closest = new double[candidates.size()];
        java.util.Arrays.fill(closest, Double.NEGATIVE_INFINITY);
        boolean[] taken = new boolean[candidates.size()];
        List<Hit> out = new ArrayList<>(Math.min(k, candidates.size()));
        while (out.size() < Math.min(k, candidates.size())) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < candidates.size(); i++) {
                if (taken[i]) {
                    continue;
                }
                double redundancy = out.isEmpty() ? 0 : closest[i];
                double value = lambda * relevance[i] - (1 - lambda) * redundancy;
                if (value > bestValue) {
                    bestValue = value;
                    best = i;
                }
            }
            taken[best] = true;
            out.add(candidates.get(best));
            for (int i = 0; i < candidates.size(); i++) {
                if (!taken[i]) {
                    closest[i] = Math.max(closest[i], Vectors.dot(vectors.get(i), vectors.get(best)));
                }
            }
        }
        return out;
    }
}
