package dev.akin.index;

/**
 * The two candidate lists of a hybrid query, read from the same snapshot of the index.
 *
 * @param dense nearest by vector, with their passage vectors when asked for (none otherwise)
 * @param lexical best by BM25
 */
public record HybridHits(PassageHits dense, Hits lexical) {
}
