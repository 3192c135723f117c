package dev.akin.index;

import java.util.Map;

/**
 * Nearest papers with their passage vectors, read from the same snapshot of the index.
 *
 * @param hits nearest by whole-text vector
 * @param passages the passage vectors of those hits that have them, by paper id
 */
public record PassageHits(Hits hits, Map<String, PassageVectors> passages) {
    /** Copies the map, so the record stays immutable. */
    public PassageHits {
        passages = Map.copyOf(passages);
    }
}
