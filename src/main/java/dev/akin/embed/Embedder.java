package dev.akin.embed;

import java.util.List;

/** Turns text into unit-length vectors. Implementations are thread-safe and own native resources. */
public interface Embedder extends AutoCloseable {
    /** The model's identity, as recorded in an index. */
    ModelFingerprint fingerprint();

    /** Vector length. */
    int dimensions();

    /** Embeds documents (papers), in order. */
    List<float[]> embedDocuments(List<String> texts);

    /** Embeds a search query, with the model's query instruction where it has one. */
    float[] embedQuery(String query);

    /** Releases the model's native resources. */
    @Override
    void close();
}
