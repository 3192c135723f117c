package dev.akin.search;

import dev.akin.embed.Embedder;
import dev.akin.embed.Vectors;
import dev.akin.index.Hit;
import dev.akin.index.VectorStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Why each paper of an answer matched its query: the closest sentence pair by embedding, and the shared terms. */
final class Explainer {
    private static final int SHARED_TERMS = 5;
    private final VectorStore store;

    Explainer(VectorStore store) {
        this.store = store;
    }

    /**
     * Explains each of the first {@link SearchOptions#MAX_EXPLAINED} hits whose paper is still in the index, with
     * one inference call for all the sentences.
     *
     * @param query the query's text: a search text, or the query paper's title and abstract
     */
    Map<String, Explanation> explain(String query, List<Hit> hits, Embedder embedder) {
        List<String> querySentences = Sentences.of(query);
        List<String> sentences = new ArrayList<>(querySentences);
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, int[]> spans = new LinkedHashMap<>();
        for (Hit hit : hits.subList(0, Math.min(SearchOptions.MAX_EXPLAINED, hits.size()))) {
            store.get(hit.id()).ifPresent(paper -> {
                String text = paper.paper().title() + "\n" + paper.paper().abstractText();
                List<String> own = Sentences.of(text);
                texts.put(hit.id(), text);
                spans.put(hit.id(), new int[] {sentences.size(), sentences.size() + own.size()});
                sentences.addAll(own);
            });
        }
        Map<String, Explanation> why = new LinkedHashMap<>();
        if (querySentences.isEmpty() || sentences.size() == querySentences.size()) {
            return why;
        }
        List<float[]> vectors = embedder.embedDocuments(sentences);
        spans.forEach((id, span) -> {
            int bestQuery = 0;
            int bestPaper = span[0];
            double best = Double.NEGATIVE_INFINITY;
            for (int q = 0; q < querySentences.size(); q++) {
                for (int p = span[0]; p < span[1]; p++) {
                    double score = Vectors.dot(vectors.get(q), vectors.get(p));
                    if (score > best) {
                        best = score;
                        bestQuery = q;
                        bestPaper = p;
                    }
                }
            }
            if (span[1] > span[0]) {
                why.put(id, new Explanation(sentences.get(bestQuery), sentences.get(bestPaper), best,
                        store.sharedTerms(query, texts.get(id), SHARED_TERMS)));
            }
        });
        return why;
    }
}
