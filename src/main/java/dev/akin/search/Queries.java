package dev.akin.search;

import dev.akin.embed.Embedder;
import dev.akin.embed.Vectors;
import dev.akin.index.IndexedPaper;
import dev.akin.index.LexicalQuery;
import dev.akin.index.PassageVectors;
import dev.akin.index.VectorStore;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The three kinds of question as a {@link Query}: a stored paper, a stored paper with a focus, a text. Each
 * representation is computed only if the retrieval asks for it, so a dense similar runs no inference.
 */
final class Queries {
    private final VectorStore store;
    private final Supplier<Embedder> embedder;

    /**
     * @param embedder the model bound to the index, loaded on first use
     */
    Queries(VectorStore store, Supplier<Embedder> embedder) {
        this.store = store;
        this.embedder = embedder;
    }

    /** A stored paper: its own vector and sentence vectors, its title and abstract for BM25. */
    Query paper(IndexedPaper paper) {
        String id = paper.paper().id();
        return new Query(paper::vector, () -> {
            if (paper.passages() == null) {
                throw new IllegalArgumentException("mode passages compares sentence vectors, and paper " + id
                        + " has none: run 'akin index --passages' on your inputs once");
            }
            return paper.passages();
        }, LexicalQuery.paper(id, paper.paper().embeddingText()), Set.of(id));
    }

    /**
     * A stored paper in one respect: its vector blended with the focus's query-side embedding (the focus is what
     * the user asks about, as in a text search), the focus's sentences, its title and the focus for BM25.
     */
    Query focused(IndexedPaper paper, String focus, double paperWeight) {
        if (focus.isBlank()) {
            throw new IllegalArgumentException("focus must not be blank: give some text, or no focus");
        }
        return new Query(() -> Vectors.blend(paper.vector(), embedder.get().embedQuery(focus), paperWeight),
                () -> sentences(focus), LexicalQuery.text(paper.paper().title() + "\n" + focus),
                Set.of(paper.paper().id()));
    }

    /** A text: its query-side embedding, its sentences, itself for BM25. */
    Query text(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("search text must not be empty");
        }
        return new Query(() -> embedder.get().embedQuery(text), () -> sentences(text), LexicalQuery.text(text),
                Set.of());
    }

    private PassageVectors sentences(String text) {
        if (!store.hasPassages()) {
            throw new IllegalArgumentException("mode passages compares sentence vectors, and this index has"
                    + " none: run 'akin index --passages' on your inputs once");
        }
        return Passages.embed(List.of(text), embedder.get()).getFirst();
    }
}
