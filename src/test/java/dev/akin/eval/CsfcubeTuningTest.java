package dev.akin.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsfcubeTuningTest {
    @Test
    void eachFoldPicksItsRankerOnDevAndIsScoredOnTestOnly(@TempDir Path dir) throws IOException {
        // Two folds as CSFCube builds them: fold 1's dev pools are fold 2's test pools and the other way round.
        Path splits = dir.resolve("splits.json");
        Files.writeString(splits, """
                {"all": {"fold1_dev": ["a_method"], "fold1_test": ["b_method"],
                         "fold2_dev": ["b_method"], "fold2_test": ["a_method"]},
                 "method": {"fold1_dev": ["a_method"], "fold1_test": ["b_method"],
                            "fold2_dev": ["b_method"], "fold2_test": ["a_method"]}}
                """);
        // "x" is best on pool a, "y" on pool b: fold 1 (dev a) picks x and is scored on b, fold 2 picks y, scored on a.
        Map<String, Map<String, double[]>> rankers = Map.of(
                "x", Map.of("a_method", new double[] {90, 90}, "b_method", new double[] {10, 20}),
                "y", Map.of("a_method", new double[] {50, 50}, "b_method", new double[] {70, 80}));
        CsfcubeEval.Tuned tuned = CsfcubeEval.tuned(rankers, splits);
        assertThat(tuned.chosen()).containsExactly(Map.entry("fold1", "x"), Map.entry("fold2", "y"));
        CsfcubeEval.Scores test = tuned.scores().stream()
                .filter(s -> s.facet().equals("all") && s.split().equals("test")).findFirst().orElseThrow();
        // Test pools: b scored by x (10 / 20), a scored by y (50 / 50): the tuning never sees its test pool.
        assertThat(test.queries()).isEqualTo(2);
        assertThat(test.map()).isCloseTo(30, within(1e-9));
        assertThat(test.ndcg20()).isCloseTo(35, within(1e-9));
        CsfcubeEval.Scores dev = tuned.scores().stream()
                .filter(s -> s.facet().equals("all") && s.split().equals("dev")).findFirst().orElseThrow();
        assertThat(dev.map()).isCloseTo(80, within(1e-9));
    }
}
