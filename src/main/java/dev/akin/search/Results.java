package dev.akin.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.akin.index.Hit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An answer: similar papers, best first.
 *
 * @param results the papers with their scores: cosine similarity (dense), BM25 (lexical), or the fused score
 * @param exact whether every candidate was scored (true) or the HNSW graph was searched (false)
 * @param model the model whose vectors answered
 * @param mode how the papers were found: dense, lexical, hybrid-rrf or hybrid-weighted:W
 * @param why for each paper id, why it matched; null unless asked for
 */
public record Results(List<Hit> results, boolean exact, String model, String mode,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Explanation> why) {
    /** Copies the collections, so the record stays immutable. */
    public Results {
        results = List.copyOf(results);
        why = why == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(why));
    }

    /** An answer without explanations. */
    public Results(List<Hit> results, boolean exact, String model, String mode) {
        this(results, exact, model, mode, null);
    }
}
