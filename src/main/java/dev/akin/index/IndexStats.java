package dev.akin.index;

import dev.akin.embed.ModelFingerprint;

/**
 * What an index holds.
 *
 * @param path where it is
 * @param papers live papers
 * @param segments Lucene segments
 * @param bytes size on disk
 * @param model fingerprint of the model that built it, null for an empty index
 * @param settings the HNSW settings new segments are written with
 */
public record IndexStats(String path, long papers, int segments, long bytes, ModelFingerprint model,
                         IndexSettings settings) {
}
