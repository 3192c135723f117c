package dev.akin.cli;

import dev.akin.embed.EmbedOptions;
import dev.akin.index.IndexSettings;
import dev.akin.index.VectorFormat;
import dev.akin.search.AkinConfig;
import picocli.CommandLine.Option;

/** Options of the commands that write vectors (index, serve): how new segments are built, how inference runs. */
final class BuildOptions {
    @Option(names = "--format", paramLabel = "FORMAT", description = "Vector format for new segments: float32, int8,"
            + " int4, binary (default: the index's own; float32 for a new index).")
    String format;

    @Option(names = "--hnsw-m", paramLabel = "M", description = "HNSW neighbours per node for new segments"
            + " (default: 16).")
    Integer maxConnections;

    @Option(names = "--beam-width", paramLabel = "N", description = "HNSW construction beam for new segments"
            + " (default: 100).")
    Integer beamWidth;

    @Option(names = "--threads", paramLabel = "N", description = "Inference threads (default: all cores). index runs"
            + " one inference at a time on all of them; serve runs as many one-thread inferences at once.")
    Integer threads;

    /** For a batch run: one inference at a time, on every thread given. */
    AkinConfig batch(AkinConfig config) {
        EmbedOptions embed = EmbedOptions.defaults();
        return config.withSettings(settings())
                .withEmbed(new EmbedOptions(threads(), embed.predictors(), embed.batchSize()));
    }

    /**
     * For serving, which runs many small inferences at once: one thread each, as many at a time as there are
     * threads.
     */
    AkinConfig serving(AkinConfig config) {
        return config.withSettings(settings()).withEmbed(new EmbedOptions(1, threads(), 16));
    }

    private int threads() {
        return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    }

    private IndexSettings settings() {
        IndexSettings settings = IndexSettings.defaults();
        if (format != null) {
            settings = settings.withFormat(VectorFormat.parse(format));
        }
        if (maxConnections != null || beamWidth != null) {
            settings = new IndexSettings(settings.format(),
                    maxConnections == null ? settings.maxConnections() : maxConnections,
                    beamWidth == null ? settings.beamWidth() : beamWidth, settings.searchBeam(), settings.oversample(),
                    settings.exactThreshold());
        }
        return settings;
    }
}
