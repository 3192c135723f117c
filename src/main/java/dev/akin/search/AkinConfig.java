package dev.akin.search;

import dev.akin.embed.EmbedOptions;
import dev.akin.index.IndexSettings;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything {@link Akin#open} needs. Start from {@link #at(Path, Path)} and adjust with the {@code with} methods.
 *
 * @param index the index folder (created on the first write)
 * @param models the folder holding one sub-folder per model
 * @param model a model name under {@code models}, or a path to a model folder; null means the index's own
 *     model, or {@link #DEFAULT_MODEL} for a new index
 * @param embed inference threads, concurrency and batch size
 * @param settings HNSW and search settings
 * @param nativeCache where DJL may unpack its native tokenizer library
 */
public record AkinConfig(Path index, Path models, String model, EmbedOptions embed, IndexSettings settings,
                         Path nativeCache) {
    /**
     * The model a new index gets unless told otherwise: all-MiniLM-L6-v2 in int8, as good as fp32 on SciFact and
     * CSFCube and 1.8x as fast (README, "Defaults").
     */
    public static final String DEFAULT_MODEL = "all-minilm-l6-v2-q";

    /** Checks that every part except the model name is set. */
    public AkinConfig {
        Objects.requireNonNull(index, "index path");
        Objects.requireNonNull(models, "models folder");
        Objects.requireNonNull(embed, "embed options");
        Objects.requireNonNull(settings, "index settings");
        Objects.requireNonNull(nativeCache, "native cache folder");
    }

    /** Defaults for an index folder and a models folder. */
    public static AkinConfig at(Path index, Path models) {
        return new AkinConfig(index, models, null, EmbedOptions.defaults(), IndexSettings.defaults(),
                Path.of(System.getProperty("java.io.tmpdir"), "akin-native-" + System.getProperty("user.name")));
    }

    /** A copy with the model (a name under {@code models}, or a folder path) replaced; null means the index's own. */
    public AkinConfig withModel(String name) {
        return new AkinConfig(index, models, name, embed, settings, nativeCache);
    }

    /** A copy with the embedding options replaced. */
    public AkinConfig withEmbed(EmbedOptions options) {
        return new AkinConfig(index, models, model, options, settings, nativeCache);
    }

    /** A copy with the HNSW and search settings replaced. */
    public AkinConfig withSettings(IndexSettings newSettings) {
        return new AkinConfig(index, models, model, embed, newSettings, nativeCache);
    }

    /** A copy with the native library cache folder replaced. */
    public AkinConfig withNativeCache(Path folder) {
        return new AkinConfig(index, models, model, embed, settings, folder);
    }
}
