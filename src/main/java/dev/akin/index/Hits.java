package dev.akin.index;

import java.util.List;

/**
 * Nearest papers, best first.
 *
 * @param hits the papers
 * @param exact true when every candidate was scored (brute force), false for the approximate HNSW search
 */
public record Hits(List<Hit> hits, boolean exact) {
    /** Copies the list, so the record stays immutable. */
    public Hits {
        hits = List.copyOf(hits);
    }
}
