package dev.akin.search;

import dev.akin.embed.Vectors;
import dev.akin.eval.CsfcubeEval;
import dev.akin.index.Filter;
import dev.akin.index.Hit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Whether pseudo-relevance feedback would lift CSFCube's focused similar: each mode's answer re-scored by blending
 * its score (min-max over the pool) with each candidate's dot product with the sum of the answer's top-m papers'
 * vectors (also min-max), share beta; every (mode, m, beta) a ranker, then tuned per fold on dev as
 * {@code akin eval pairs --tune} does. A study for choosing what to build, not a mode. Arguments: CSFCube folder,
 * an eval index of it built with sentence vectors ({@code akin eval pairs ... --mode passages:0.8}), modes
 * (comma-separated). {@code ./akin bench prf-study}.
 */
public final class PrfStudy {
    private static final int[] TOPS = {3, 5, 10};
    private static final double[] BETAS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6};

    private PrfStudy() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        List<CsfcubeEval.Pool> pools = CsfcubeEval.pools(dir);
        Path splits = dir.resolve("evaluation_splits.json");
        Function<CsfcubeEval.Pool, String> focus = CsfcubeEval.facetFocus(CsfcubeEval.abstracts(dir));
        try (Akin akin = Akin.open(AkinConfig.at(Path.of(args[1]), Path.of(System.getProperty("akin.models", "models"))))) {
            Map<String, float[]> vectors = new HashMap<>();
            Function<String, float[]> vector = id -> vectors.computeIfAbsent(id, akin::vector);
            Map<String, Map<String, double[]>> withFeedback = new LinkedHashMap<>();
            Map<String, Map<String, double[]>> without = new LinkedHashMap<>();
            System.out.println("| mode | m | beta | test MAP | test NDCG%20 |");
            System.out.println("|---|---|---|---|---|");
            for (String name : args[2].split(",")) {
                Retrieval mode = Retrieval.parse(name);
                Map<CsfcubeEval.Pool, List<Hit>> answers = new HashMap<>();
                pools.forEach(pool -> answers.put(pool, akin.similar(pool.queryId(), focus.apply(pool), 1000,
                        Filter.NONE, SearchOptions.DEFAULTS.with(mode)).results()));
                Map<String, double[]> plain = CsfcubeEval.perPool(pools, pool -> rank(pool, answers.get(pool), vector, 1, 0));
                without.put(name, plain);
                withFeedback.put(name, plain);
                print(name, "-", 0, plain, splits);
                for (int top : TOPS) {
                    for (double beta : BETAS) {
                        Map<String, double[]> scores = CsfcubeEval.perPool(pools,
                                pool -> rank(pool, answers.get(pool), vector, top, beta));
                        withFeedback.put(name + " m=" + top + " beta=" + beta, scores);
                        print(name, String.valueOf(top), beta, scores, splits);
                    }
                }
            }
            for (var rankers : List.of(without, withFeedback)) {
                CsfcubeEval.Tuned tuned = CsfcubeEval.tuned(rankers, splits);
                CsfcubeEval.Scores test = all(tuned.scores());
                System.out.printf("tuned per fold %s feedback: %.1f / %.1f %s%n", rankers == without ? "without"
                        : "with", test.map(), test.ndcg20(), tuned.chosen());
            }
        }
    }

    /** The pool by the blended score; candidates the answer lacks score as its lowest. */
    static List<String> rank(CsfcubeEval.Pool pool, List<Hit> answer, Function<String, float[]> vector, int top,
                             double beta) {
        Map<String, Double> found = new HashMap<>();
        answer.forEach(hit -> found.put(hit.id(), hit.score()));
        float[] feedback = new float[vector.apply(pool.queryId()).length];
        for (Hit hit : answer.subList(0, Math.min(top, answer.size()))) {
            float[] v = vector.apply(hit.id());
            for (int d = 0; d < v.length; d++) {
                feedback[d] += v[d];
            }
        }
        Map<String, Double> base = minMax(pool.candidates(), c -> found.get(c));
        Map<String, Double> similar = minMax(pool.candidates(), c -> Vectors.dot(feedback, vector.apply(c)));
        List<String> ranked = new ArrayList<>(pool.candidates());
        ranked.sort(Comparator.comparing((String c) -> (1 - beta) * base.get(c) + beta * similar.get(c))
                .reversed());
        return ranked;
    }

    private static Map<String, Double> minMax(List<String> ids, Function<String, Double> score) {
        double min = ids.stream().map(score).filter(s -> s != null).mapToDouble(s -> s).min().orElse(0);
        double max = ids.stream().map(score).filter(s -> s != null).mapToDouble(s -> s).max().orElse(0);
        Map<String, Double> out = new HashMap<>();
        ids.forEach(id -> {
            Double s = score.apply(id);
            out.put(id, s == null || max <= min ? 0 : (s - min) / (max - min));
        });
        return out;
    }

    private static void print(String mode, String top, double beta, Map<String, double[]> scores, Path splits) {
        CsfcubeEval.Scores test = all(CsfcubeEval.score(scores, splits));
        System.out.printf("| %s | %s | %.1f | %.1f | %.1f |%n", mode, top, beta, test.map(), test.ndcg20());
    }

    private static CsfcubeEval.Scores all(List<CsfcubeEval.Scores> scores) {
        return scores.stream().filter(s -> s.facet().equals("all") && s.split().equals("test")).findFirst()
                .orElseThrow();
    }
}
