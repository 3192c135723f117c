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
 * @param lexical false for an index written before lexical search, which the next indexing run upgrades
 * @param passages whether the index keeps a vector per sentence (for the passages retrieval)
 */
public record IndexStats(String path, long papers, int segments, long bytes, ModelFingerprint model,
                         IndexSettings settings, boolean lexical, boolean passages) {
}
