package dev.akin.search;

import dev.akin.eval.BeirCollection;
import dev.akin.eval.RankingMetrics;
import dev.akin.index.Filter;
import dev.akin.index.Hit;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What fusing deeper lists, with other score normalisations, would give on a BEIR collection: the passages list,
 * BM25 and the dense list, 100 deep each, fused under min-max, z-score and reciprocal-rank normalisation; for each,
 * the weights best on the train split and their nDCG@10 on test. A study for choosing what to build, not a
 * retrieval mode: the index must already exist with sentence vectors (akin eval beir ... --mode passages:W).
 * Arguments: collection folder, index folder, the passages mode's whole-text weight (default 0.6). Beside
 * {@link Fusions}, whose min-max normalisation and rank constant it uses. {@code ./akin bench fusion-study}.
 */
public final class FusionStudy {
    private static final int DEPTH = 100;
    private static final Map<String, Function<List<Hit>, Map<String, Double>>> NORMALISATIONS = Map.of(
            "min-max", FusionStudy::minMax, "z-score", FusionStudy::zScore, "rrf", FusionStudy::reciprocalRank);

    private FusionStudy() {
    }

    /** Each query's three lists: passages, lexical, dense. */
    private record Lists(BeirCollection collection, Map<String, List<List<Hit>>> byQuery) {
    }

    public static void main(String[] args) {
        Path collectionDir = Path.of(args[0]);
        String passages = "passages:" + (args.length > 2 ? args[2] : "0.6");
        try (Akin akin = Akin.open(AkinConfig.at(Path.of(args[1]), Path.of(System.getProperty("akin.models", "models"))))) {
            Lists train = lists(akin, BeirCollection.load(collectionDir, "train"), passages);
            Lists test = lists(akin, BeirCollection.load(collectionDir, "test"), passages);
            System.out.printf("%s, %s: %s + lexical + dense, %d deep each, weights chosen on train%n", collectionDir,
                    akin.modelName(), passages, DEPTH);
            System.out.println("| normalisation | weights (passages, lexical, dense) | train nDCG@10 | test nDCG@10 |");
            System.out.println("|---|---|---|---|");
            for (String name : List.of("min-max", "z-score", "rrf")) {
                var normalise = NORMALISATIONS.get(name);
                double best = -1;
                double[] bestWeights = null;
                for (int p = 30; p <= 90; p += 5) {
                    for (double dense : new double[] {0, 0.1, 0.2, 0.3}) {
                        double[] weights = {p / 100.0, 1 - p / 100.0, dense};
                        double score = ndcg(train, weights, normalise);
                        if (score > best) {
                            best = score;
                            bestWeights = weights;
                        }
                    }
                }
                System.out.printf("| %s | %.2f, %.2f, %.2f | %.4f | %.4f |%n", name, bestWeights[0], bestWeights[1],
                        bestWeights[2], best,
                        ndcg(test, bestWeights, normalise));
            }
        }
    }

    private static Lists lists(Akin akin, BeirCollection collection, String passages) {
        Map<String, List<List<Hit>>> byQuery = new LinkedHashMap<>();
        List<SearchOptions> modes = List.of(passages, "lexical", "dense").stream()
                .map(m -> SearchOptions.DEFAULTS.with(Retrieval.parse(m))).toList();
        collection.queries().forEach((id, text) -> byQuery.put(id,
                modes.stream().map(o -> akin.search(text, DEPTH, Filter.NONE, o).results()).toList()));
        return new Lists(collection, byQuery);
    }

    private static double ndcg(Lists lists, double[] weights, Function<List<Hit>, Map<String, Double>> normalise) {
        double sum = 0;
        for (var query : lists.byQuery().entrySet()) {
            Map<String, Double> fused = new HashMap<>();
            for (int i = 0; i < weights.length; i++) {
                double weight = weights[i];
                if (weight > 0) {
                    normalise.apply(query.getValue().get(i)).forEach((id, s) -> fused.merge(id, weight * s, Double::sum));
                }
            }
            List<String> ranked = fused.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey).toList();
            sum += RankingMetrics.ndcg(ranked, lists.collection().qrels().get(query.getKey()), 10);
        }
        return sum / lists.byQuery().size();
    }

    private static Map<String, Double> minMax(List<Hit> hits) {
        double[] normalised = Fusions.minMax(hits);
        Map<String, Double> out = new HashMap<>();
        for (int i = 0; i < hits.size(); i++) {
            out.put(hits.get(i).id(), normalised[i]);
        }
        return out;
    }

    private static Map<String, Double> zScore(List<Hit> hits) {
        double mean = hits.stream().mapToDouble(Hit::score).average().orElse(0);
        double sd = Math.sqrt(hits.stream().mapToDouble(h -> (h.score() - mean) * (h.score() - mean)).average()
                .orElse(0));
        Map<String, Double> out = new HashMap<>();
        hits.forEach(h -> out.put(h.id(), sd == 0 ? 0 : (h.score() - mean) / sd));
        return out;
    }

    private static Map<String, Double> reciprocalRank(List<Hit> hits) {
        Map<String, Double> out = new HashMap<>();
        for (int i = 0; i < hits.size(); i++) {
            out.put(hits.get(i).id(), 1.0 / (Fusions.RANK_CONSTANT + i + 1));
        }
        return out;
    }
}
