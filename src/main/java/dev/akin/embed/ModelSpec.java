package dev.akin.embed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A model folder's descriptor ({@value #DESCRIPTOR}): everything needed to turn text into the vectors the model
 * was trained to produce. Any folder with an ONNX file, a tokenizer.json and this descriptor is a model.
 *
 * @param name the model's name, recorded in the index
 * @param onnx ONNX file name inside the folder
 * @param tokenizer HuggingFace tokenizer.json file name inside the folder
 * @param pooling how token vectors become one vector
 * @param normalize whether vectors are scaled to unit length (required for dot-product search)
 * @param maxTokens longest input in tokens, special tokens included; longer texts are truncated
 * @param dimensions vector length
 * @param queryPrefix prepended to short search queries (BGE's retrieval instruction), "" for none
 * @param queryPrefixMaxWords queries of at most this many words get the prefix; longer ones read as documents; 0 for all
 * @param documentPrefix prepended to every text embedded as a document (E5's "passage: "), "" for none
 * @param output name of the model output holding the token vectors
 * @param folder where the files are (not part of the JSON)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelSpec(String name, String onnx, String tokenizer, Pooling pooling, boolean normalize,
                        int maxTokens, int dimensions, String queryPrefix, int queryPrefixMaxWords, String documentPrefix,
                        String output, Path folder) {
    public static final String DESCRIPTOR = "akin-model.json";

    /**
     * Checks the required fields and their ranges, failing with a {@link ModelException}; an unset prefix becomes
     * "" and an unset output last_hidden_state.
     */
    public ModelSpec {
        require(name != null && !name.isBlank(), "name must be set");
        require(onnx != null && !onnx.isBlank(), "onnx (file name) must be set");
        require(tokenizer != null && !tokenizer.isBlank(), "tokenizer (file name) must be set");
        require(pooling != null, "pooling must be one of mean, cls");
        require(maxTokens >= 2 && maxTokens <= 8192, "maxTokens must be in 2..8192, got " + maxTokens);
        require(dimensions >= 1 && dimensions <= 4096, "dimensions must be in 1..4096, got " + dimensions);
        require(normalize, "normalize must be true: akin searches by dot product over unit vectors");
        queryPrefix = queryPrefix == null ? "" : queryPrefix;
        documentPrefix = documentPrefix == null ? "" : documentPrefix;
        output = output == null || output.isBlank() ? "last_hidden_state" : output;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new ModelException("model descriptor: " + message);
        }
    }

    /** Reads and checks {@code folder/akin-model.json} and that the files it names exist. */
    public static ModelSpec load(Path folder) {
        Path descriptor = folder.resolve(DESCRIPTOR);
        if (!Files.isRegularFile(descriptor)) {
            throw new ModelException("no model at " + folder + ": " + DESCRIPTOR + " is missing");
        }
        ModelSpec read;
        try {
            read = JsonMapper.builder().enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS).build().readValue(descriptor.toFile(), ModelSpec.class);
        } catch (IOException e) {
            // Jackson wraps a failed check of the constructor in its own words; the check's message alone says it.
            String why = e.getCause() instanceof ModelException check ? check.getMessage() : e.getMessage();
            throw new ModelException(descriptor + ": " + why, e);
        }
        ModelSpec spec = new ModelSpec(read.name, read.onnx, read.tokenizer, read.pooling, read.normalize,
                read.maxTokens, read.dimensions, read.queryPrefix, read.queryPrefixMaxWords, read.documentPrefix,
                read.output, folder);
        for (Path file : new Path[] {spec.onnxFile(), spec.tokenizerFile()}) {
            if (!Files.isRegularFile(file)) {
                throw new ModelException("model '" + spec.name + "': " + file + " is missing; the build unpacks the"
                        + " bundled models into models/ (run ./akin once, or 'mvn -q generate-resources')");
            }
        }
        return spec;
    }

    /** Where the ONNX file is: {@code onnx} resolved against the folder. */
    public Path onnxFile() {
        return folder.resolve(onnx);
    }

    /** Where the tokenizer is: {@code tokenizer} resolved against the folder. */
    public Path tokenizerFile() {
        return folder.resolve(tokenizer);
    }

    /** The text to embed for a document (a paper, a sentence): some models are trained with a marker on those. */
    public String documentText(String text) {
        return documentPrefix.isEmpty() ? text : documentPrefix + text;
    }

    /** The text to embed for a search query: short queries get the model's retrieval instruction. */
    public String queryText(String query) {
        if (queryPrefix.isEmpty()) {
            return query;
        }
        long words = query.strip().split("\\s+").length;
        return queryPrefixMaxWords <= 0 || words <= queryPrefixMaxWords ? queryPrefix + query : query;
    }
}
