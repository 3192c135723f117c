package dev.akin.search;

import dev.akin.embed.Embedder;
import dev.akin.embed.ModelSpec;
import dev.akin.embed.OnnxEmbedder;
import dev.akin.index.VectorStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedding model of one {@link Akin}: loaded on first use, since a question by id needs none, and closed with
 * it. It is the configured model, or else the one the index was built with, or else the default.
 */
final class LazyModel implements AutoCloseable {
    private final AkinConfig config;
    private final VectorStore store;
    private volatile Embedder embedder;

    LazyModel(AkinConfig config, VectorStore store) {
        this.config = config;
        this.store = store;
    }

    Embedder get() {
        Embedder e = embedder;
        if (e == null) {
            synchronized (this) {
                if (embedder == null) {
                    AkinConfig model = config.withModel(configuredName());
                    embedder = OnnxEmbedder.open(ModelSpec.load(folder(model)), model.embed(), model.nativeCache());
                }
                e = embedder;
            }
        }
        return e;
    }

    /** The model, bound to the index first: vectors from another model than the index's are refused. */
    Embedder bound() {
        Embedder e = get();
        store.bindModel(e.fingerprint());
        return e;
    }

    String configuredName() {
        if (config.model() != null) {
            return config.model();
        }
        return store.fingerprint().map(f -> f.name()).orElse(AkinConfig.DEFAULT_MODEL);
    }

    /** A model is a name under the models folder, or a path to any folder holding a descriptor. */
    static Path folder(AkinConfig config) {
        Path asPath = Path.of(config.model());
        return Files.isRegularFile(asPath.resolve(ModelSpec.DESCRIPTOR)) ? asPath
                : config.models().resolve(config.model());
    }

    @Override
    public void close() {
        Embedder e = embedder;
        if (e != null) {
            e.close();
        }
    }
}
