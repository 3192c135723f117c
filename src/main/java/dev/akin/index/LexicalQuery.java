package dev.akin.index;

import java.util.Objects;
import java.util.Optional;

/**
 * What a BM25 query asks with: a text, and when that text is a stored paper's own title and abstract, the paper's
 * id, so that the store may read the terms it indexed for the paper instead of analyzing the text again.
 *
 * @param text the query's text: a search query, or a whole paper's title and abstract
 * @param paper the stored paper whose title and abstract {@code text} is, if it is one
 */
public record LexicalQuery(String text, Optional<String> paper) {
    public LexicalQuery {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(paper, "paper");
    }

    /** A text of the user's. */
    public static LexicalQuery text(String text) {
        return new LexicalQuery(text, Optional.empty());
    }

    /** A stored paper, by its id and its title and abstract (used if the index holds no terms for it). */
    public static LexicalQuery paper(String id, String text) {
        return new LexicalQuery(text, Optional.of(id));
    }
}
