package dev.akin.eval;

import dev.akin.index.Filter;
import dev.akin.index.Hit;
import dev.akin.search.Akin;
import dev.akin.search.Ensemble;
import dev.akin.search.IndexOptions;
import dev.akin.search.IndexProgress;
import dev.akin.search.IndexReport;
import dev.akin.search.Retrieval;
import dev.akin.search.SearchOptions;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Retrieval quality on a BEIR collection: every judged query searched as akin searches (approximate, top 100),
 * scored by nDCG@10, Recall@100 and MRR@10; plus ANN fidelity, the overlap of the HNSW top 10 with exact search
 * over the same vectors.
 */
public final class BeirEval {
    private BeirEval() {
    }

    /**
     * Scores of one model on one split.
     *
     * @param model the model's name
     * @param mode how papers were retrieved (dense, lexical, hybrid-...)
     * @param queries queries scored
     * @param ndcg10 mean nDCG@10
     * @param recall100 mean Recall@100
     * @param mrr10 mean MRR@10
     * @param annRecall10 mean overlap of the approximate top 10 with the exact top 10 (dense only; NaN otherwise)
     * @param indexing what indexing the corpus did (incremental: a rerun embeds nothing)
     */
    public record Scores(String model, String mode, int queries, double ndcg10, double recall100, double mrr10, double annRecall10,
                         IndexReport indexing) {
    }

    /**
     * Indexes the corpus into {@code akin}'s index (incrementally) and scores every judged query.
     *
     * @param akin an engine opened on this collection's index with the model to score
     * @param collection the collection
     * @param retrieval how to retrieve: dense (with ANN fidelity against exact search), lexical or hybrid
     * @return the scores
     */
    public static Scores run(Akin akin, BeirCollection collection, Retrieval retrieval) {
        IndexReport indexing = akin.index(List.of(collection.corpus()), IndexOptions.defaults()
                .withPassages(retrieval.needsPassages()), IndexProgress.NONE);
        return score(collection, akin.modelName(), retrieval.toString(), indexing, text -> {
            if (retrieval.mode() == Retrieval.Mode.DENSE) {
                float[] vector = akin.embedQuery(text);
                List<String> approx = ids(akin.nearest(vector, 100, Filter.NONE, false).results());
                List<String> exact = ids(akin.nearest(vector, 100, Filter.NONE, true).results());
                return new Answer(approx, approx, RankingMetrics.overlap(approx, exact, 10));
            }
            // Asked as a user would, k=10 and k=100: a hybrid's candidate depth depends on k.
            SearchOptions options = SearchOptions.DEFAULTS.with(retrieval);
            return new Answer(ids(akin.search(text, 100, Filter.NONE, options).results()),
                    ids(akin.search(text, 10, Filter.NONE, options).results()), Double.NaN);
        });
    }

    /**
     * Indexes the corpus into both engines (the first with passages) and scores the ensemble of the two under
     * {@code weights}. The scores carry the first index's indexing report.
     */
    public static Scores run(Akin first, Akin second, Ensemble.Weights weights, BeirCollection collection) {
        IndexReport indexing = first.index(List.of(collection.corpus()), IndexOptions.defaults().withPassages(true),
                IndexProgress.NONE);
        second.index(List.of(collection.corpus()), IndexOptions.defaults(), IndexProgress.NONE);
        Ensemble ensemble = new Ensemble(first, second, weights);
        // The fused order does not depend on k, so one set of lists answers both depths.
        return score(collection, first.modelName() + "+" + second.modelName(), "ensemble", indexing,
                text -> {
                    List<String> top100 = ids(Ensemble.fuse(ensemble.lists(text, Filter.NONE), weights, 100));
                    return new Answer(top100, top100, Double.NaN);
                });
    }

    /** One query's answers: k=100 (for recall) and k=10, and the ANN overlap (NaN where not measured). */
    private record Answer(List<String> top100, List<String> top10, double annRecall10) {
    }

    private static Scores score(BeirCollection collection, String model, String mode, IndexReport indexing,
                                Function<String, Answer> ask) {
        int n = collection.queries().size();
        double[] ndcg = new double[n];
        double[] recall = new double[n];
        double[] mrr = new double[n];
        double[] ann = new double[n];
        int i = 0;
        for (Map.Entry<String, String> query : collection.queries().entrySet()) {
            Answer answer = ask.apply(query.getValue());
            Map<String, Integer> grades = collection.qrels().get(query.getKey());
            ndcg[i] = RankingMetrics.ndcg(answer.top10(), grades, 10);
            recall[i] = RankingMetrics.recall(answer.top100(), grades, 100, 1);
            mrr[i] = RankingMetrics.mrr(answer.top10(), grades, 10, 1);
            ann[i] = answer.annRecall10();
            i++;
        }
        return new Scores(model, mode, n, RankingMetrics.mean(ndcg), RankingMetrics.mean(recall),
                RankingMetrics.mean(mrr), RankingMetrics.mean(ann), indexing);
    }

    private static List<String> ids(List<Hit> hits) {
        return hits.stream().map(Hit::id).toList();
    }
}
