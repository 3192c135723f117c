package dev.akin.search;

import dev.akin.embed.Embedder;
import dev.akin.index.Hit;
import dev.akin.index.IndexedPaper;
import dev.akin.index.LexicalQuery;
import dev.akin.index.PassageVectors;
import dev.akin.index.VectorStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Why each paper of an answer matched its query: the closest sentence pair by embedding, and the shared terms. A
 * paper indexed with its sentence vectors ({@code akin index --passages}) is explained from them; only the other
 * sentences (a text query's, a paper's without them) are embedded, in one inference, so explaining a similar on
 * such an index runs no model at all.
 */
final class Explainer {
    private static final int SHARED_TERMS = 5;
    private final VectorStore store;

    Explainer(VectorStore store) {
        this.store = store;
    }

    /** A text split into sentences, with their vectors where the index keeps them (null: to be embedded). */
    private record Text(String text, List<String> sentences, PassageVectors vectors) {
        Text withVectors(PassageVectors embedded) {
            return new Text(text, sentences, embedded);
        }

        boolean toEmbed() {
            return vectors == null && !sentences.isEmpty();
        }
    }

    /**
     * Explains each of the first {@link SearchOptions#MAX_EXPLAINED} hits whose paper is still in the index.
     *
     * @param query a search text, or the query paper (with its title and abstract as the text)
     * @param embedder the model, loaded only if some sentence has no stored vector
     */
    Map<String, Explanation> explain(LexicalQuery query, List<Hit> hits, Supplier<Embedder> embedder) {
        Text asked = query.paper().flatMap(store::get).map(Explainer::text)
                .orElseGet(() -> new Text(query.text(), Sentences.of(query.text()), null));
        Map<String, Text> papers = new LinkedHashMap<>();
        for (Hit hit : hits.subList(0, Math.min(SearchOptions.MAX_EXPLAINED, hits.size()))) {
            store.get(hit.id()).ifPresent(paper -> papers.put(hit.id(), text(paper)));
        }
        Map<String, Explanation> why = new LinkedHashMap<>();
        if (asked.sentences().isEmpty() || papers.isEmpty()) {
            return why;
        }
        List<Text> all = new ArrayList<>(List.of(asked));
        all.addAll(papers.values());
        List<Text> embedded = withVectors(all, embedder);
        Text question = embedded.getFirst();
        int next = 1;
        for (String id : papers.keySet()) {
            Text paper = embedded.get(next++);
            if (paper.sentences().isEmpty()) {
                continue;
            }
            int[] pair = closestPair(question.vectors(), paper.vectors());
            why.put(id, new Explanation(question.sentences().get(pair[0]), paper.sentences().get(pair[1]),
                    question.vectors().dot(pair[0], paper.vectors(), pair[1]),
                    store.sharedTerms(query.text(), paper.text(), SHARED_TERMS)));
        }
        return why;
    }

    /**
     * A stored paper's title and abstract as the sentences it was indexed with, and their vectors if it kept them.
     * Indexing split the same text with the same {@link Sentences#of}, so equal counts mean stored vector i is
     * sentence i; a count that differs (an index written by another splitter) falls back to embedding.
     */
    private static Text text(IndexedPaper paper) {
        String text = paper.paper().embeddingText();
        List<String> sentences = new ArrayList<>(Sentences.of(text));
        String title = paper.paper().title();
        if (!sentences.isEmpty() && sentences.getFirst().equals(title + ".")) {
            sentences.set(0, title); // shown as written: the full stop is the embedding text's, not the title's
        }
        PassageVectors stored = paper.passages();
        return new Text(text, sentences, stored != null && stored.size() == sentences.size() ? stored : null);
    }

    /** The texts, each with vectors: those without stored ones embedded together, in one inference. */
    private static List<Text> withVectors(List<Text> texts, Supplier<Embedder> embedder) {
        List<Text> missing = texts.stream().filter(Text::toEmbed).toList();
        // Passages.embed splits each text as Sentences.of does: its vectors are of these sentences, in order.
        List<PassageVectors> embedded = missing.isEmpty() ? List.of()
                : Passages.embed(missing.stream().map(Text::text).toList(), embedder.get());
        List<Text> out = new ArrayList<>(texts.size());
        int next = 0;
        for (Text t : texts) {
            out.add(t.toEmbed() ? t.withVectors(embedded.get(next++)) : t);
        }
        return out;
    }

    /** The query sentence and paper sentence (indexes) with the largest dot product. */
    private static int[] closestPair(PassageVectors query, PassageVectors paper) {
        int[] best = {0, 0};
        double top = Double.NEGATIVE_INFINITY;
        for (int q = 0; q < query.size(); q++) {
            for (int p = 0; p < paper.size(); p++) {
                double score = query.dot(q, paper, p);
                if (score > top) {
                    top = score;
                    best = new int[] {q, p};
                }
            }
        }
        return best;
    }
}
