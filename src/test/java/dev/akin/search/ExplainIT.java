package dev.akin.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.akin.TestModels;
import dev.akin.embed.Vectors;
import dev.akin.index.Filter;
import dev.akin.index.Hit;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Explanations with the real model on two real indexes of the same papers, one with sentence vectors: those read
 * from the index explain as the sentences embedded at question time do.
 */
class ExplainIT {
    private static final SearchOptions EXPLAIN = SearchOptions.DEFAULTS.with(Retrieval.DENSE).withExplain(true);

    @Test
    void storedSentenceVectorsExplainAsEmbeddingTheSentencesDoes(@TempDir Path dir) {
        Path data = TestModels.sampleData().resolve("004_cfd176248aa951e5.txt");
        try (Akin embedding = Akin.open(AkinConfig.at(dir.resolve("plain"), TestModels.dir()));
             Akin stored = Akin.open(AkinConfig.at(dir.resolve("passages"), TestModels.dir()))) {
            embedding.index(List.of(data), IndexOptions.defaults(), IndexProgress.NONE);
            stored.index(List.of(data), IndexOptions.defaults().withPassages(true), IndexProgress.NONE);
            List<String> ids = embedding.search("language models", 5, Filter.NONE).results().stream()
                    .map(Hit::id).toList();
            int pairs = 0;
            int same = 0;
            for (String id : ids) {
                Results a = embedding.similar(id, 10, Filter.NONE, EXPLAIN);
                Results b = stored.similar(id, 10, Filter.NONE, EXPLAIN);
                assertThat(b.results()).extracting(Hit::id).isEqualTo(a.results().stream().map(Hit::id).toList());
                for (Map.Entry<String, Explanation> why : a.why().entrySet()) {
                    Explanation fromIndex = b.why().get(why.getKey());
                    assertThat(fromIndex).as(why.getKey()).isNotNull();
                    assertThat(fromIndex.sharedTerms()).isEqualTo(why.getValue().sharedTerms());
                    assertThat(fromIndex.sentenceScore()).as(why.getKey())
                            .isCloseTo(why.getValue().sentenceScore(), within(0.06));
                    // The stored vectors are those of the sentences shown: embedded again, they score alike.
                    List<float[]> again = stored.embed(List.of(fromIndex.querySentence(), fromIndex.paperSentence()));
                    assertThat(Vectors.dot(again.get(0), again.get(1))).as(why.getKey())
                            .isCloseTo(fromIndex.sentenceScore(), within(0.06));
                    pairs++;
                    same += fromIndex.querySentence().equals(why.getValue().querySentence())
                            && fromIndex.paperSentence().equals(why.getValue().paperSentence()) ? 1 : 0;
                }
            }
            assertThat(pairs).isEqualTo(50);
            // The int8 model's vectors move a little with what they are batched with (its activations are
            // quantized per batch), so near-equal pairs may swap (7 of 50 here); misaligned vectors would swap most.
            assertThat(same).as("the same sentence pair, of %d", pairs).isGreaterThanOrEqualTo(40);

            Results text = stored.search("instruction tuning data quality", 5, Filter.NONE, EXPLAIN);
            assertThat(text.why()).hasSize(5);
            assertThat(text.why().values()).allSatisfy(why -> assertThat(why.sentenceScore()).isBetween(0.2, 1.0));
        }
    }
}
