package dev.akin.search;

import dev.akin.index.Hit;
import java.util.List;

/**
 * An answer: similar papers, best first.
 *
 * @param results the papers with their cosine similarity
 * @param exact whether every candidate was scored (true) or the HNSW graph was searched (false)
 * @param model the model whose vectors answered
 */
public record Results(List<Hit> results, boolean exact, String model) {
    /** Copies the list, so the record stays immutable. */
    public Results {
        results = List.copyOf(results);
    }
}
