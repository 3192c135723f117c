package dev.akin.search;

import dev.akin.index.Hit;
import java.util.List;

/**
 * An answer: similar papers, best first.
 *
 * @param results the papers with their scores: cosine similarity (dense), BM25 (lexical), or the fused score
 * @param exact whether every candidate was scored (true) or the HNSW graph was searched (false)
 * @param model the model whose vectors answered
 * @param mode how the papers were found: dense, lexical, hybrid-rrf or hybrid-weighted:W
 */
public record Results(List<Hit> results, boolean exact, String model, String mode) {
    /** Copies the list, so the record stays immutable. */
    public Results {
        results = List.copyOf(results);
    }
}
