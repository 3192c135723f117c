package dev.akin.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.akin.TestModels;
import dev.akin.index.Filter;
import dev.akin.index.Hit;
import dev.akin.paper.Paper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Passage vectors with the real model and a real index: the end of a long abstract is found, not cut off. */
class PassagesIT {
    private static final SearchOptions PASSAGES = SearchOptions.DEFAULTS.with(Retrieval.parse("passages"));
    private static final SearchOptions DENSE = SearchOptions.DEFAULTS.with(Retrieval.DENSE);

    /** Over 256 tokens about instruction tuning, then one sentence on another subject: past the model's limit. */
    private static Paper longPaper() {
        String body = """
                We study instruction tuning of large language models across model sizes and data mixtures. \
                Our models are trained on a collection of prompts written by annotators and on synthetic data. \
                We compare supervised fine-tuning with preference optimization on the same base checkpoints. \
                The evaluation covers reasoning, coding, summarization and open-ended dialogue benchmarks. \
                We find that data quality matters more than data quantity beyond a few thousand examples. \
                Mixing task formats during training improves generalization to unseen instructions. \
                Larger models benefit more from chain-of-thought demonstrations than smaller models do. \
                We analyse failure cases where the tuned models refuse harmless requests too often. \
                A careful ablation shows that the learning rate schedule explains much of the variance. \
                We release the training recipes, the evaluation harness and all model checkpoints. \
                Human raters preferred the responses of our best model in most pairwise comparisons. \
                We discuss the limits of automatic metrics for judging the helpfulness of answers. \
                Further experiments examine multilingual transfer from English-only instruction data. \
                """;
        String tail = "Separately, underwater drone surveys measured coral reef bleaching during marine heatwaves.";
        return new Paper("long-1", "Scaling instruction tuning for large language models", body + tail, List.of(),
                null, null, 2025, List.of("cs.CL"), "test");
    }

    @Test
    void passageVectorsFindWhatTruncationLosesAndEveryLaterWriteKeepsThem(@TempDir Path dir) {
        // One of the bundled listings (about 80 papers) keeps the double indexing quick.
        Path data = TestModels.sampleData().resolve("004_cfd176248aa951e5.txt");
        try (Akin akin = Akin.open(AkinConfig.at(dir.resolve("idx"), TestModels.dir()))) {
            IndexReport plain = akin.index(List.of(data), IndexOptions.defaults(), IndexProgress.NONE);
            String anyId = akin.search("language models", 1, Filter.NONE).results().getFirst().id();
            assertThatThrownBy(() -> akin.similar(anyId, 5, Filter.NONE, PASSAGES))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("akin index --passages");

            IndexReport withPassages = akin.index(List.of(data), IndexOptions.defaults().withPassages(true),
                    IndexProgress.NONE);
            assertThat(withPassages.embedded()).as("every paper embedded again, for its sentences")
                    .isEqualTo(plain.papers());
            assertThat(akin.index(List.of(data), IndexOptions.defaults(), IndexProgress.NONE).embedded())
                    .as("a later run without the flag: nothing to do").isZero();

            akin.upsert(List.of(longPaper())); // the index keeps passages, so an upsert computes them too
            String query = "coral reef bleaching in marine heatwaves";
            List<Hit> byPassages = akin.search(query, 10, Filter.NONE, PASSAGES).results();
            List<String> byDense = akin.search(query, 10, Filter.NONE, DENSE).results().stream().map(Hit::id)
                    .toList();
            assertThat(byPassages.getFirst().id()).isEqualTo("long-1");
            assertThat(byDense.indexOf("long-1")).as("the truncated whole-text vector: %s", byDense).isNotEqualTo(0);

            Results similar = akin.similar("long-1", 5, Filter.NONE, PASSAGES);
            assertThat(similar.mode()).isEqualTo("passages:" + Retrieval.PASSAGE_WHOLE_WEIGHT);
            assertThat(similar.results()).hasSize(5).extracting(Hit::id).doesNotContain("long-1");
            assertThat(similar.results()).extracting(Hit::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        }
    }
}
