package dev.akin.search;

import dev.akin.embed.Embedder;
import dev.akin.embed.Vectors;
import dev.akin.index.Filter;
import dev.akin.index.Hit;
import dev.akin.index.Hits;
import dev.akin.index.HybridHits;
import dev.akin.index.PassageHits;
import dev.akin.index.PassageMatcher;
import dev.akin.index.PassageVectors;
import dev.akin.index.Shortlist;
import dev.akin.index.VectorStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One similar or search question: candidates from the chosen retrieval (dense, lexical, or both fused), then one
 * entry per paper, the score threshold and MMR.
 */
final class Retriever {
    /**
     * Candidates each list of a hybrid query contributes to the fusion, at least: on SciFact (train) 30 gives the
     * same nDCG@10 as 110, at half the latency.
     */
    private static final int HYBRID_DEPTH = 30;
    /**
     * Dense candidates re-scored by their passages, at least: a paper the whole-text vector ranks low can rise. On
     * SciFact (train) 100 gives nDCG@10 0.694, 50 0.689, 30 0.686; 30 takes 40% of 100's time, but a paper whose
     * only mention of the topic is past the token limit must first be among the candidates.
     */
    private static final int PASSAGE_DEPTH = 100;
    /**
     * Candidates matched sentence by sentence, at least. Those full matches were most of a passages query's time;
     * now only the best this many by a one-row match (the query's whole vector against each candidate's sentences)
     * get one. On SciFact a k=10 answer keeps the same nDCG@10, and 171-182 of 200 similar-by-id top 10s are the
     * same as with every candidate matched ({@code akin bench shortlist-study}).
     */
    private static final int FULL_MATCH_DEPTH = 30;
    private final VectorStore store;
    private final Supplier<Embedder> embedder;
    private final Explainer explainer;
    private final int maxK;

    /**
     * @param embedder the model, loaded only if an answer must be explained
     */
    Retriever(VectorStore store, Supplier<Embedder> embedder, int maxK) {
        this.store = store;
        this.embedder = embedder;
        this.explainer = new Explainer(store);
        this.maxK = maxK;
    }

    /**
     * @param query the question's representations
     * @param given the titles of the question's own papers, if any: their twins under other ids are left out too
     * @param options a retrieval (not null), threshold and MMR lambda
     * @param model the name reported with the answer
     */
    Results run(Query query, Collection<String> given, int k, Filter filter, SearchOptions options, String model) {
        Retrieval retrieval = options.retrieval();
        // A few extra candidates stand in for a paper listed twice under two ids; MMR needs many to choose from.
        int depth = Math.min(maxK, options.mmrLambda() < 1 ? Math.max(4 * k, 50) : k + 3);
        Candidates found = candidates(query, depth, filter, retrieval);
        List<Hit> hits = Rerank.distinctTitles(found.hits(), given);
        while (hits.size() < Math.min(k, depth) && found.hits().size() == depth && depth < maxK) {
            // Rare: more duplicates than spare candidates. Ask again, deeper.
            depth = Math.min(maxK, depth * 4);
            found = candidates(query, depth, filter, retrieval);
            hits = Rerank.distinctTitles(found.hits(), given);
        }
        boolean exact = found.exact();
        if (options.minScore() > Double.NEGATIVE_INFINITY) {
            hits = Rerank.atLeast(hits, embeddingScores(hits, found, query, retrieval), options.minScore());
        }
        if (options.mmrLambda() < 1) {
            // Only the vectors: reading each candidate's whole stored paper was most of an MMR answer's time.
            List<float[]> stored = store.vectors(hits.stream().map(Hit::id).toList());
            List<Hit> present = new ArrayList<>();
            List<float[]> vectors = new ArrayList<>();
            for (int i = 0; i < hits.size(); i++) {
                // A paper deleted since retrieval has no vector any more: it drops out.
                if (stored.get(i) != null) {
                    present.add(hits.get(i));
                    vectors.add(stored.get(i));
                }
            }
            hits = Rerank.mmr(present, vectors, options.mmrLambda(), k);
        }
        List<Hit> answer = hits.subList(0, Math.min(k, hits.size()));
        return new Results(answer, exact, model, retrieval.toString(),
                options.explain() ? explainer.explain(query.lexical(), answer, embedder) : null);
    }

    /**
     * @param embedded the hits whose embedding scores (cosines, or passage blends) retrieval saw: the hits
     *                 themselves (dense, passages), the dense list that was fused (hybrid), or none (lexical)
     */
    private record Candidates(List<Hit> hits, boolean exact, List<Hit> embedded) {
    }

    /**
     * What a score threshold compares, per hit: its embedding score, the cosine with the query or (passage modes)
     * the passage blend. That score is absolute, where BM25's and a fusion's are relative to the question: a
     * fused list's best paper scores near 1 whether or not anything in the index is related to it, so only the
     * embedding score can leave an answer empty (docs/benchmarks.md, "What minScore means"). Every hit is judged
     * on the same kind: a paper only BM25 found gets its cosine from its stored vector, blended with its passage
     * match as the dense list's were when that list was passage-rescored (hybrid-passages).
     */
    private double[] embeddingScores(List<Hit> hits, Candidates found, Query query, Retrieval retrieval) {
        Map<String, Double> embedded = new HashMap<>();
        found.embedded().forEach(h -> embedded.put(h.id(), h.score()));
        List<Hit> bm25Only = hits.stream().filter(h -> !embedded.containsKey(h.id())).toList();
        if (!bm25Only.isEmpty()) {
            scored(bm25Only, query, retrieval).forEach(h -> embedded.put(h.id(), h.score()));
        }
        double[] out = new double[hits.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = embedded.getOrDefault(hits.get(i).id(), Double.NEGATIVE_INFINITY);
        }
        return out;
    }

    /**
     * Hits only BM25 found, with the embedding score the others have: the cosine of their stored vector, blended
     * with their passage match in the passage modes. A paper deleted since retrieval has no vector any more: it
     * drops out.
     */
    private List<Hit> scored(List<Hit> bm25Only, Query query, Retrieval retrieval) {
        float[] asked = query.vector().get();
        List<Hit> scored = new ArrayList<>();
        if (!retrieval.passages()) {
            // The vectors alone: no stored paper needs reading.
            List<float[]> vectors = store.vectors(bm25Only.stream().map(Hit::id).toList());
            for (int i = 0; i < vectors.size(); i++) {
                Hit hit = bm25Only.get(i);
                if (vectors.get(i) != null) {
                    scored.add(new Hit(hit.id(), hit.title(), hit.year(), Vectors.dot(asked, vectors.get(i))));
                }
            }
            return scored;
        }
        List<PassageVectors> passages = new ArrayList<>();
        for (Hit hit : bm25Only) {
            store.get(hit.id()).ifPresent(p -> {
                scored.add(new Hit(hit.id(), hit.title(), hit.year(), Vectors.dot(asked, p.vector())));
                passages.add(p.passages());
            });
        }
        return Passages.rescore(scored, passages, PassageMatcher.of(query.passages().get()),
                Retrieval.PASSAGE_WHOLE_WEIGHT);
    }

    /** Candidates re-scored by their passages, best first. */
    private static List<Hit> rescored(PassageHits dense, Query query, double wholeWeight) {
        return Passages.rescore(dense.hits().hits(), dense.passages(), PassageMatcher.of(query.passages().get()),
                wholeWeight);
    }

    private Candidates candidates(Query query, int depth, Filter filter, Retrieval retrieval) {
        Set<String> skip = query.skip();
        return switch (retrieval.mode()) {
            case DENSE -> {
                Hits found = store.nearest(query.vector().get(), depth, filter, skip);
                yield new Candidates(found.hits(), found.exact(), found.hits());
            }
            case LEXICAL -> new Candidates(store.lexical(query.lexical(), depth, filter, skip).hits(), true, List.of());
            case PASSAGES -> {
                Shortlist shortlist = new Shortlist(PassageMatcher.of(query.vector().get()), retrieval.denseWeight(),
                        Math.max(depth, FULL_MATCH_DEPTH));
                PassageHits found = store.nearestWithPassages(query.vector().get(), Math.max(depth, PASSAGE_DEPTH),
                        filter, skip, shortlist);
                List<Hit> rescored = rescored(found, query, retrieval.denseWeight());
                List<Hit> top = rescored.subList(0, Math.min(depth, rescored.size()));
                yield new Candidates(top, found.hits().exact(), top);
            }
            case HYBRID -> {
                // Fusion needs candidates beyond k: a paper ranked 25th by one list and 3rd by the other can win.
                HybridHits both = store.hybrid(query.vector().get(), query.lexical(), Math.max(depth, HYBRID_DEPTH),
                        filter, skip, retrieval.passages());
                List<Hit> nearest = both.dense().hits().hits();
                List<Hit> dense = retrieval.passages() ? rescored(both.dense(), query, Retrieval.PASSAGE_WHOLE_WEIGHT)
                        : nearest;
                List<Hit> fused = retrieval.fusion() == Retrieval.Fusion.RRF
                        ? Fusions.rrf(List.of(dense, both.lexical().hits()), depth)
                        : Fusions.weighted(dense, both.lexical().hits(), retrieval.denseWeight(), depth);
                yield new Candidates(fused, both.dense().hits().exact(), dense);
            }
        };
    }
}
