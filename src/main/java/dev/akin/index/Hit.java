package dev.akin.index;

/**
 * One similar paper.
 *
 * @param id paper id
 * @param title paper title
 * @param year publication year, null when unknown
 * @param score the retrieval's score: cosine similarity to the query in [-1, 1] (dense), the passage blend, BM25,
 *              or a fused score
 */
public record Hit(String id, String title, Integer year, double score) {
}
