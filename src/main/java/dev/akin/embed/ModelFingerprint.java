package dev.akin.embed;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What makes two models' vectors comparable: an index stores the fingerprint of the model that filled it, and
 * refuses queries or additions from any other.
 *
 * @param name model name
 * @param onnxSha256 SHA-256 of the ONNX file
 * @param pooling pooling mode
 * @param dimensions vector length
 * @param maxTokens truncation length
 */
public record ModelFingerprint(String name, String onnxSha256, Pooling pooling, int dimensions, int maxTokens) {
    private static final String PREFIX = "akin.model.";

    /** As key/value pairs for an index's commit data. */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(PREFIX + "name", name);
        map.put(PREFIX + "sha256", onnxSha256);
        map.put(PREFIX + "pooling", pooling.name());
        map.put(PREFIX + "dimensions", Integer.toString(dimensions));
        map.put(PREFIX + "maxTokens", Integer.toString(maxTokens));
        return map;
    }

    /** Reads a fingerprint back from commit data; empty for an index that has none (new or not akin's). */
    public static Optional<ModelFingerprint> fromMap(Map<String, String> map) {
        if (!map.containsKey(PREFIX + "name")) {
            return Optional.empty();
        }
        return Optional.of(new ModelFingerprint(map.get(PREFIX + "name"), map.get(PREFIX + "sha256"),
                Pooling.valueOf(map.get(PREFIX + "pooling")), Integer.parseInt(map.get(PREFIX + "dimensions")),
                Integer.parseInt(map.get(PREFIX + "maxTokens"))));
    }

    /** Where this differs from {@code other}, for an error message; empty when they match. */
    public Optional<String> difference(ModelFingerprint other) {
        if (equals(other)) {
            return Optional.empty();
        }
        StringBuilder diff = new StringBuilder();
        if (!name.equals(other.name)) {
            diff.append("name ").append(name).append(" vs ").append(other.name).append("; ");
        }
        if (!onnxSha256.equals(other.onnxSha256)) {
            diff.append("ONNX checksum ").append(abbrev(onnxSha256)).append(" vs ").append(abbrev(other.onnxSha256))
                    .append("; ");
        }
        if (pooling != other.pooling) {
            diff.append("pooling ").append(pooling).append(" vs ").append(other.pooling).append("; ");
        }
        if (dimensions != other.dimensions) {
            diff.append("dimensions ").append(dimensions).append(" vs ").append(other.dimensions).append("; ");
        }
        if (maxTokens != other.maxTokens) {
            diff.append("max tokens ").append(maxTokens).append(" vs ").append(other.maxTokens).append("; ");
        }
        return Optional.of(diff.substring(0, diff.length() - 2));
    }

    private static String abbrev(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) : sha;
    }

    @Override
    public String toString() {
        return name + " (" + pooling.name().toLowerCase() + ", " + dimensions + "d, " + maxTokens + " tokens, sha256 "
                + abbrev(onnxSha256) + ")";
    }
}
