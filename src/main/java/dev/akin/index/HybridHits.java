package dev.akin.index;

import java.util.Map;

/**
 * The two candidate lists of a hybrid query, read from the same snapshot of the index.
 *
 * @param dense nearest by vector
 * @param lexical best by BM25
 * @param passages the passage vectors of those dense hits that have them, by paper id; empty unless asked for
 */
public record HybridHits(Hits dense, Hits lexical, Map<String, PassageVectors> passages) {
    /** Copies the map, so the record stays immutable. */
    public HybridHits {
        passages = Map.copyOf(passages);
    }
}
