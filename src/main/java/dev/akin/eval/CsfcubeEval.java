package dev.akin.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.akin.embed.Vectors;
import dev.akin.index.Filter;
import dev.akin.index.Hit;
import dev.akin.search.Akin;
import dev.akin.search.Retrieval;
import dev.akin.search.SearchOptions;
import dev.akin.search.Titles;
import dev.akin.paper.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Query-by-example paper similarity in CSFCube's format: for each query paper and facet, a pool of candidates with
 * graded relevance (0-3). A ranker orders each pool; MAP (grade 2 or more is relevant) and NDCG at 20% of the pool
 * are averaged per facet and over all facets, on the dev and on the test folds.
 */
public final class CsfcubeEval {
    public static final List<String> FACETS = List.of("background", "method", "result");
    private static final ObjectMapper JSON = new ObjectMapper();

    private CsfcubeEval() {
    }

    /** One judged pool: its query paper, facet, candidates and their grades. */
    public record Pool(String queryId, String facet, List<String> candidates, Map<String, Integer> grades) {
    }

    /**
     * Scores of one ranker on one split and facet.
     *
     * @param facet background, method, result or all
     * @param split dev or test
     * @param queries pools scored
     * @param map mean average precision, in percent
     * @param ndcg20 mean NDCG at 20% of the pool, in percent
     */
    public record Scores(String facet, String split, int queries, double map, double ndcg20) {
    }

    /** Every judged pool of the collection in {@code dir}. */
    public static List<Pool> pools(Path dir) {
        List<Pool> pools = new ArrayList<>();
        for (String facet : FACETS) {
            Path file = dir.resolve("test-pid2anns-csfcube-" + facet + ".json");
            JsonNode root = read(file);
            root.properties().forEach(e -> {
                List<String> cands = new ArrayList<>();
                Map<String, Integer> grades = new HashMap<>();
                JsonNode c = e.getValue().get("cands");
                JsonNode g = e.getValue().get("relevance_adju");
                if (c == null || g == null || c.size() != g.size()) {
                    throw new InputException(file + ": query " + e.getKey() + " needs 'cands' and 'relevance_adju'"
                            + " of equal length");
                }
                for (int i = 0; i < c.size(); i++) {
                    cands.add(c.get(i).asText());
                    grades.put(c.get(i).asText(), g.get(i).asInt());
                }
                pools.add(new Pool(e.getKey(), facet, cands, grades));
            });
        }
        return pools;
    }

    /** The collection's abstracts file ({@code abstracts-csfcube*.jsonl}) in {@code dir}. */
    public static Path abstracts(Path dir) {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("abstracts-csfcube")
                    && f.getFileName().toString().endsWith(".jsonl")).findFirst()
                    .orElseThrow(() -> new InputException(dir + ": no abstracts-csfcube*.jsonl"));
        } catch (IOException e) {
            throw new InputException(dir + ": cannot list: " + e.getMessage(), e);
        }
    }

    /** A ranker from similarity: candidates by descending dot product of their vectors with the query's. */
    public static Function<Pool, List<String>> byVectors(Function<String, float[]> vectors) {
        return pool -> {
            float[] q = vectors.apply(pool.queryId());
            Map<String, Double> score = new HashMap<>();
            for (String c : pool.candidates()) {
                score.put(c, Vectors.dot(q, vectors.apply(c)));
            }
            return pool.candidates().stream().sorted(Comparator.comparing(score::get, Comparator.reverseOrder()))
                    .toList();
        };
    }

    /**
     * A ranker from retrieval: the pool in the order the query paper's similar papers come back (searching the
     * whole index as deep as {@code depth}); candidates not retrieved follow, by vector similarity. An answer lists
     * a paper once, so a candidate it left out as a twin (same title, another id) ranks right after the twin it
     * kept, and the query paper and its twins, which an answer never holds, rank first: where {@link #byVectors}
     * puts them too, and where the collection, which grades the two pools holding their own query 3, wants them.
     *
     * @param focus each pool's focus for a focused similar, or null for none
     */
    public static Function<Pool, List<String>> byRetrieval(Akin akin, Retrieval retrieval, int depth,
                                                           Function<Pool, String> focus) {
        Function<Pool, List<String>> fallback = byVectors(akin::vector);
        return pool -> {
            List<Hit> hits = akin.similar(pool.queryId(), focus.apply(pool), depth, Filter.NONE,
                    SearchOptions.DEFAULTS.with(retrieval)).results();
            Map<String, Double> rankOfTitle = new HashMap<>();
            rankOfTitle.put(Titles.key(akin.paper(pool.queryId()).title()), -1.0);
            Map<String, Double> rank = new HashMap<>();
            for (int i = 0; i < hits.size(); i++) {
                rank.put(hits.get(i).id(), (double) i);
                rankOfTitle.putIfAbsent(Titles.key(hits.get(i).title()), (double) i);
            }
            rankOfTitle.remove(""); // no letters or digits: nothing to be a twin of
            for (String candidate : pool.candidates()) {
                Double twin = rank.containsKey(candidate) ? null
                        : rankOfTitle.get(Titles.key(akin.paper(candidate).title()));
                if (twin != null) {
                    rank.put(candidate, twin + 0.5);
                }
            }
            return fallback.apply(pool).stream()
                    .sorted(Comparator.comparing(c -> rank.getOrDefault(c, Double.MAX_VALUE))).toList();
        };
    }

    /**
     * Each pool's facet as a focus: the query paper's sentences that the collection's sentence classifier labelled
     * with that facet ({@code pred_labels}; background also takes objective sentences, as CSFCube's guidelines
     * do). A pool whose paper has no such sentence gets no focus (null).
     */
    public static Function<Pool, String> facetFocus(Path abstracts) {
        Map<String, String> focus = new HashMap<>();
        try (var lines = Files.lines(abstracts)) {
            int[] line = {0};
            lines.forEach(text -> {
                line[0]++;
                JsonNode paper = readLine(abstracts, line[0], text);
                JsonNode sentences = paper.path("abstract");
                JsonNode labels = paper.path("pred_labels");
                if (!sentences.isArray() || labels.size() != sentences.size()) {
                    throw new InputException(abstracts + ":" + line[0] + ": needs 'abstract' and 'pred_labels' lists"
                            + " of equal length");
                }
                for (String facet : FACETS) {
                    StringBuilder b = new StringBuilder();
                    for (int i = 0; i < sentences.size(); i++) {
                        String label = labels.get(i).asText();
                        if (label.equals(facet) || facet.equals("background") && label.equals("objective")) {
                            b.append(sentences.get(i).asText()).append(' ');
                        }
                    }
                    if (!b.isEmpty()) {
                        focus.put(paper.path("paper_id").asText() + "_" + facet, b.toString().strip());
                    }
                }
            });
        } catch (IOException e) {
            throw new InputException(abstracts + ": " + e.getMessage(), e);
        }
        return pool -> focus.get(pool.queryId() + "_" + pool.facet());
    }

    private static JsonNode readLine(Path file, int line, String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new InputException(file + ":" + line + ": not JSON: " + e.getMessage(), e);
        }
    }

    /** A ranker that replays a shipped ranking file per facet ({qid: [[cand, distance], ...]}, best first). */
    public static Function<Pool, List<String>> shipped(Map<String, Path> rankingByFacet) {
        Map<String, JsonNode> files = new HashMap<>();
        rankingByFacet.forEach((facet, path) -> files.put(facet, read(path)));
        return pool -> {
            JsonNode ranked = files.get(pool.facet()).get(pool.queryId());
            if (ranked == null) {
                throw new InputException(rankingByFacet.get(pool.facet()) + ": no ranking for query " + pool.queryId());
            }
            List<String> out = new ArrayList<>();
            ranked.forEach(pair -> out.add(pair.get(0).asText()));
            return out;
        };
    }

    /** Scores a ranker per facet and over all facets, on the dev and test folds of {@code splitsFile}. */
    public static List<Scores> score(List<Pool> pools, Function<Pool, List<String>> ranker, Path splitsFile) {
        return score(perPool(pools, ranker), read(splitsFile));
    }

    /** Scores per facet and over all facets, dev and test folds, from per-pool scores ({@link #perPool}). */
    public static List<Scores> score(Map<String, double[]> perPool, Path splitsFile) {
        return score(perPool, read(splitsFile));
    }

    /** MAP and NDCG%20 (percent) of a ranker on each pool, keyed as the splits file names pools. */
    public static Map<String, double[]> perPool(List<Pool> pools, Function<Pool, List<String>> ranker) {
        Map<String, double[]> perPool = new LinkedHashMap<>();
        for (Pool pool : pools) {
            List<String> ranked = ranker.apply(pool);
            int k = (int) (0.2 * pool.candidates().size());
            perPool.put(pool.queryId() + "_" + pool.facet(), new double[] {
                100 * RankingMetrics.averagePrecision(ranked, pool.grades(), 2),
                100 * RankingMetrics.ndcg(ranked, pool.grades(), k)});
        }
        return perPool;
    }

    /**
     * Rankers tuned the way the collection intends: for each fold, the ranker with the best MAP + NDCG%20 on that
     * fold's dev pools (all facets), scored on that fold's test pools; the test rows gather both folds' test pools.
     * The dev rows are the chosen rankers on their own dev pools.
     *
     * @param rankers per-pool scores of each candidate ranker, by name
     * @return the chosen ranker per fold, and the scores
     */
    public static Tuned tuned(Map<String, Map<String, double[]>> rankers, Path splitsFile) {
        JsonNode splits = read(splitsFile);
        Map<String, String> chosen = new TreeMap<>();
        Map<String, double[]> test = new HashMap<>();
        Map<String, double[]> dev = new HashMap<>();
        splits.path("all").properties().forEach(fold -> {
            if (!fold.getKey().endsWith("_dev")) {
                return;
            }
            String name = fold.getKey().substring(0, fold.getKey().length() - "_dev".length());
            List<String> devPools = new ArrayList<>();
            fold.getValue().forEach(id -> devPools.add(id.asText()));
            String best = rankers.entrySet().stream().max(Comparator.comparingDouble(r -> devPools.stream()
                    .mapToDouble(id -> r.getValue().get(id)[0] + r.getValue().get(id)[1]).sum())).orElseThrow().getKey();
            chosen.put(name, best);
            devPools.forEach(id -> dev.put(id, rankers.get(best).get(id)));
            splits.path("all").path(name + "_test").forEach(id -> test.put(id.asText(),
                    rankers.get(best).get(id.asText())));
        });
        List<Scores> scores = new ArrayList<>();
        score(test, splits).stream().filter(s -> s.split().equals("test")).forEach(scores::add);
        score(dev, splits).stream().filter(s -> s.split().equals("dev")).forEach(scores::add);
        return new Tuned(chosen, scores);
    }

    /** Per-fold tuned scores: which ranker each fold chose, and the resulting scores. */
    public record Tuned(Map<String, String> chosen, List<Scores> scores) {
    }

    private static List<Scores> score(Map<String, double[]> perPool, JsonNode splits) {
        List<Scores> out = new ArrayList<>();
        for (String facet : List.of("background", "method", "result", "all")) {
            for (String split : List.of("dev", "test")) {
                Set<String> members = new TreeSet<>();
                splits.path(facet).properties().forEach(fold -> {
                    if (fold.getKey().endsWith("_" + split)) {
                        fold.getValue().forEach(id -> members.add(id.asText()));
                    }
                });
                members.retainAll(perPool.keySet());
                double[] map = members.stream().map(perPool::get).mapToDouble(s -> s[0]).toArray();
                double[] ndcg = members.stream().map(perPool::get).mapToDouble(s -> s[1]).toArray();
                out.add(new Scores(facet, split, members.size(), RankingMetrics.mean(map), RankingMetrics.mean(ndcg)));
            }
        }
        return out;
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
