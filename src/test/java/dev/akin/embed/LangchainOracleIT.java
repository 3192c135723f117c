package dev.akin.embed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.akin.TestModels;
import dev.akin.paper.Inputs;
import dev.akin.paper.Paper;
import dev.akin.paper.PaperSink;
import dev.akin.paper.Skipped;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** akin's MiniLM vectors agree with langchain4j's reference implementation of the same model. */
class LangchainOracleIT {

    @Test
    void minilmVectorsMatchLangchain4jAt128Tokens(@TempDir Path cache) {
        List<String> abstracts = sampleAbstracts(24);
        ModelSpec spec = ModelSpec.load(TestModels.model("all-minilm-l6-v2"));
        // langchain4j truncates at 128 tokens (its tokenizer.json's setting): compare at the same length.
        ModelSpec at128 = new ModelSpec(spec.name(), spec.onnx(), spec.tokenizer(), spec.pooling(), true, 128,
                spec.dimensions(), "", 0, spec.output(), spec.folder());
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
