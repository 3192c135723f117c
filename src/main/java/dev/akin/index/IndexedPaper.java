package dev.akin.index;

import dev.akin.paper.Paper;

/**
 * A paper as the index holds it.
 *
 * @param paper the metadata
 * @param vector unit-length embedding of the paper's text
 * @param textHash hash of what was embedded (and with which model): equal hashes need no new inference
 * @param metaHash hash of all metadata: equal hashes mean nothing to update
 * @param passages vectors of the paper's sentences, or null when the index keeps none
 */
public record IndexedPaper(Paper paper, float[] vector, String textHash, String metaHash, PassageVectors passages) {
    /** A paper without passage vectors. */
    public IndexedPaper(Paper paper, float[] vector, String textHash, String metaHash) {
        this(paper, vector, textHash, metaHash, null);
    }
}
