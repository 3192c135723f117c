package dev.akin.embed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.akin.TestModels;
import dev.akin.paper.Inputs;
import dev.akin.paper.Paper;
import dev.akin.paper.PaperSink;
import dev.akin.paper.Skipped;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** akin's vectors agree with langchain4j's reference implementation of the same model. */
class LangchainOracleIT {

    @Test
    void minilmVectorsMatchLangchain4jAt128Tokens(@TempDir Path cache) {
        List<String> abstracts = sampleAbstracts(24);
        ModelSpec spec = ModelSpec.load(TestModels.model("all-minilm-l6-v2"));
        // langchain4j truncates at 128 tokens (its tokenizer.json's setting): compare at the same length.
        ModelSpec at128 = new ModelSpec(spec.name(), spec.onnx(), spec.tokenizer(), spec.pooling(), true, 128,
                spec.dimensions(), "", 0, "", spec.output(), spec.folder());
        try (OnnxEmbedder akin = OnnxEmbedder.open(at128, new EmbedOptions(2, 1, 8), cache)) {
            // After akin: DJL insists on creating the process-wide ONNX Runtime environment itself.
            var reference = new AllMiniLmL6V2EmbeddingModel();
            List<float[]> ours = akin.embedDocuments(abstracts);
            for (int i = 0; i < abstracts.size(); i++) {
                float[] theirs = reference.embed(abstracts.get(i)).content().vector();
                double cosine = Vectors.dot(ours.get(i), Vectors.normalize(theirs.clone()));
                assertThat(cosine).as("cosine for abstract %d", i).isGreaterThanOrEqualTo(0.999);
            }
        }
    }

    @Test
    void e5MarksDocumentsAsPassagesAndQueriesAsQueriesAsLangchain4jIsToldTo(@TempDir Path cache) {
        // Short texts: langchain4j splits a text past 510 tokens into parts and averages them; akin truncates.
        List<String> texts = sampleAbstracts(12).stream().map(a -> a.substring(0, 400)).toList();
        try (OnnxEmbedder akin = OnnxEmbedder.open(ModelSpec.load(TestModels.model("e5-small-v2-q")),
                new EmbedOptions(2, 1, 8), cache)) {
            var reference = new E5SmallV2QuantizedEmbeddingModel();
            for (int i = 0; i < texts.size(); i++) {
                // One text a call: int8 dynamic quantization scales each batch's activations together, padding
                // included, so batched vectors differ from single ones at ~0.998.
                float[] document = akin.embedDocuments(List.of(texts.get(i))).getFirst();
                float[] passage = Vectors.normalize(reference.embed("passage: " + texts.get(i)).content().vector());
                float[] query = Vectors.normalize(reference.embed("query: " + texts.get(i)).content().vector());
                assertThat(Vectors.dot(document, passage)).as("document %d", i).isGreaterThanOrEqualTo(0.999);
                assertThat(Vectors.dot(akin.embedQuery(texts.get(i)), query)).as("query %d", i)
                        .isGreaterThanOrEqualTo(0.999);
                // The markers change the vector: were one missing, the two above could not both hold.
                assertThat(Vectors.dot(passage, query)).as("passage vs query %d", i).isLessThan(0.995);
            }
        }
    }

    static List<String> sampleAbstracts(int n) {
        List<String> out = new ArrayList<>();
        Inputs.of(List.of(TestModels.sampleData())).read(new PaperSink() {
            @Override
            public void accept(Paper paper) {
                if (out.size() < n && paper.abstractText().length() > 400) {
                    out.add(paper.abstractText());
                }
            }

            @Override
            public void skip(Skipped skipped) {
            }
        });
        assertThat(out).hasSize(n);
        return out;
    }
}
