package dev.akin.index;

/**
 * The two candidate lists of a hybrid query, read from the same snapshot of the index.
 *
 * @param dense nearest by vector
 * @param lexical best by BM25
 */
public record HybridHits(Hits dense, Hits lexical) {
}
