package dev.akin.index;

import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;

/**
 * HNSW and search knobs.
 *
 * @param format how new segments store vectors in the graph; null for the index's own (the format its last commit
 *     recorded, float32 for a new index), so that adding papers to an int8 index keeps it int8
 * @param maxConnections HNSW M: neighbours per node
 * @param beamWidth HNSW construction beam
 * @param searchBeam candidates the graph search keeps (at least k): recall against speed
 * @param oversample for quantized formats, candidates per wanted result before float32 rescoring
 * @param exactThreshold when a filter leaves at most this many papers, score them all (exact) instead of
 *     walking the graph; an unfiltered query does so only in an index of at most min(this, 1,000) papers
 */
public record IndexSettings(VectorFormat format, int maxConnections, int beamWidth, int searchBeam, int oversample,
                            int exactThreshold) {
    /** Checks that each number is within its range; the message names the offending knob. */
    public IndexSettings {
        check("maxConnections (HNSW M)", maxConnections, 2, 512);
        check("beamWidth", beamWidth, 2, 3200);
        check("searchBeam", searchBeam, 1, 10_000);
        check("oversample", oversample, 1, 100);
        check("exactThreshold", exactThreshold, 0, 10_000_000);
    }

    private static void check(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in " + min + ".." + max + ", got " + value);
        }
    }

    /**
     * float32, M=16, beam 100: at 100k vectors it had perfect recall@10 at 0.26 ms p50, where int8 lost 1% recall
     * and was slower; at 1M, merged, 0.33 ms at recall 0.987. Exact search below 10,000 matching papers: with
     * 10,000 of 100k it took 0.9 ms against the filtered graph's 2.3 ms; with 100,000 of 1M the graph won, 3.1
     * against 21 ms (docs/benchmarks.md). The format is the index's own.
     */
    public static IndexSettings defaults() {
        return new IndexSettings(null, 16, 100, 100, 3, 10_000);
    }

    /** A copy with the vector format replaced. */
    public IndexSettings withFormat(VectorFormat newFormat) {
        return new IndexSettings(newFormat, maxConnections, beamWidth, searchBeam, oversample, exactThreshold);
    }

    /** A copy with the search beam replaced. */
    public IndexSettings withSearchBeam(int beam) {
        return new IndexSettings(format, maxConnections, beamWidth, beam, oversample, exactThreshold);
    }

    /** These settings with the format, if left to the index, as {@code recorded} (null: float32). */
    IndexSettings resolved(VectorFormat recorded) {
        return format != null ? this : withFormat(recorded == null ? VectorFormat.FLOAT32 : recorded);
    }

    /** The Lucene codec that writes vectors in this format with these HNSW settings. */
    Codec codec() {
        if (format == null) {
            throw new IllegalStateException("resolve the index's own format before writing");
        }
        KnnVectorsFormat vectors = format.knnFormat(maxConnections, beamWidth);
        return new Lucene104Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return vectors;
            }
        };
    }
}
