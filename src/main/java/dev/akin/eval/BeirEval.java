package dev.akin.eval;

import dev.akin.index.Filter;
import dev.akin.index.Hit;
import dev.akin.search.Akin;
import dev.akin.search.IndexOptions;
import dev.akin.search.IndexProgress;
import dev.akin.search.IndexReport;
import dev.akin.search.Retrieval;
import dev.akin.search.SearchOptions;
import java.util.List;
import java.util.Map;

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
        int n = collection.queries().size();
        double[] ndcg = new double[n];
        double[] recall = new double[n];
        double[] mrr = new double[n];
        double[] ann = new double[n];
        int i = 0;
        for (Map.Entry<String, String> query : collection.queries().entrySet()) {
            List<String> approx;
            List<String> top10;
            if (retrieval.mode() == Retrieval.Mode.DENSE) {
                float[] vector = akin.embedQuery(query.getValue());
                approx = ids(akin.nearest(vector, 100, Filter.NONE, false).results());
                List<String> exact = ids(akin.nearest(vector, 100, Filter.NONE, true).results());
                ann[i] = RankingMetrics.overlap(approx, exact, 10);
                top10 = approx;
            } else {
                // Asked as a user would, k=10 and k=100: a hybrid's candidate depth depends on k.
                SearchOptions options = SearchOptions.DEFAULTS.with(retrieval);
                approx = ids(akin.search(query.getValue(), 100, Filter.NONE, options).results());
                top10 = ids(akin.search(query.getValue(), 10, Filter.NONE, options).results());
                ann[i] = Double.NaN;
            }
            Map<String, Integer> grades = collection.qrels().get(query.getKey());
            ndcg[i] = RankingMetrics.ndcg(top10, grades, 10);
            recall[i] = RankingMetrics.recall(approx, grades, 100, 1);
            mrr[i] = RankingMetrics.mrr(top10, grades, 10, 1);
            i++;
        }
        return new Scores(akin.modelName(), retrieval.toString(), n, RankingMetrics.mean(ndcg),
                RankingMetrics.mean(recall), RankingMetrics.mean(mrr), RankingMetrics.mean(ann), indexing);
    }

    private static List<String> ids(List<Hit> hits) {
        return hits.stream().map(Hit::id).toList();
    }
}
