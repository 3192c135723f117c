package dev.akin.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.akin.TestModels;
import dev.akin.index.Filter;
import dev.akin.index.Hit;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two real models over two real indexes of the same papers, asked as one. */
class EnsembleIT {
    private static final String QUERY = "large language models for code generation";

    private static Akin open(Path dir, String model) {
        return Akin.open(AkinConfig.at(dir, TestModels.dir()).withModel(model));
    }

    @Test
    void theEnsembleFusesTheFourListsItIsGivenInTheirOrder(@TempDir Path dir) {
        List<Path> data = List.of(TestModels.sampleData().resolve("004_cfd176248aa951e5.txt"));
        try (Akin bge = open(dir.resolve("bge"), "bge-small-en-v1.5-q");
             Akin e5 = open(dir.resolve("e5"), "e5-small-v2-q")) {
            bge.index(data, IndexOptions.defaults().withPassages(true), IndexProgress.NONE);
            e5.index(data, IndexOptions.defaults(), IndexProgress.NONE);

            Results answer = new Ensemble(bge, e5, Ensemble.DEFAULT_WEIGHTS).search(QUERY, 10, Filter.NONE);
            assertThat(answer.model()).isEqualTo("bge-small-en-v1.5-q+e5-small-v2-q");
            assertThat(answer.mode()).isEqualTo("ensemble");
            // 60 papers: each list scored every candidate, so the fused answer is exact too.
            assertThat(answer.exact()).isTrue();
            assertThat(answer.results()).hasSize(10).extracting(Hit::id).doesNotHaveDuplicates();
            assertThat(answer.results()).extracting(Hit::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));

            // All the weight on one list gives that list's own order: the lists reach the fusion where they belong.
            List<Results> alone = List.of(
                    bge.search(QUERY, 10, Filter.NONE, SearchOptions.DEFAULTS.with(Ensemble.PASSAGES)),
                    bge.search(QUERY, 10, Filter.NONE, SearchOptions.DEFAULTS.with(Retrieval.LEXICAL)),
                    bge.search(QUERY, 10, Filter.NONE, SearchOptions.DEFAULTS.with(Retrieval.DENSE)),
                    e5.search(QUERY, 10, Filter.NONE, SearchOptions.DEFAULTS.with(Retrieval.DENSE)));
            for (int i = 0; i < 4; i++) {
                double[] w = new double[4];
                w[i] = 1;
                Results one = new Ensemble(bge, e5, new Ensemble.Weights(w[0], w[1], w[2], w[3]))
                        .search(QUERY, 10, Filter.NONE);
                assertThat(ids(one)).as("list %d alone", i).isEqualTo(ids(alone.get(i)));
            }
            assertThat(ids(alone.get(2))).as("the two models disagree, or an ensemble could add nothing")
                    .isNotEqualTo(ids(alone.get(3)));

            assertThatThrownBy(() -> new Ensemble(bge, e5, Ensemble.DEFAULT_WEIGHTS).search(QUERY, 0, Filter.NONE))
                    .hasMessageContaining("k must be in 1..100, got 0");
            assertThatThrownBy(() -> new Ensemble(bge, bge, Ensemble.DEFAULT_WEIGHTS))
                    .hasMessageContaining("same one twice");
            // The first engine's sentence vectors are required; e5's index has none.
            assertThatThrownBy(() -> new Ensemble(e5, bge, Ensemble.DEFAULT_WEIGHTS).search(QUERY, 5, Filter.NONE))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("akin index --passages");
        }
    }

    private static List<String> ids(Results results) {
        return results.results().stream().map(Hit::id).toList();
    }
}
