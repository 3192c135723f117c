package dev.akin.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The metrics on cases small enough to compute by hand. */
class RankingMetricsTest {
    private static final double LOG2_3 = Math.log(3) / Math.log(2);

    @Test
    void ndcgOfAPerfectRankingIsOneAndOfAWrongOneIsComputedFromLogDiscounts() {
        Map<String, Integer> grades = Map.of("a", 3, "b", 1);
        assertThat(RankingMetrics.ndcg(List.of("a", "b", "c"), grades, 10)).isCloseTo(1.0, within(1e-12));
        // ranked c, b, a: DCG = 0 + 1/log2(3) + 3/log2(4) ; ideal = 3 + 1/log2(3)
        double expected = (1 / LOG2_3 + 3 / 2.0) / (3 + 1 / LOG2_3);
        assertThat(RankingMetrics.ndcg(List.of("c", "b", "a"), grades, 10)).isCloseTo(expected, within(1e-12));
        // cut at 2: DCG@2 = 1/log2(3); ideal@2 = 3 + 1/log2(3)
        assertThat(RankingMetrics.ndcg(List.of("c", "b", "a"), grades, 2))
                .isCloseTo((1 / LOG2_3) / (3 + 1 / LOG2_3), within(1e-12));
        assertThat(RankingMetrics.ndcg(List.of("x"), Map.of(), 10)).isZero();
    }

    @Test
    void averagePrecisionUsesTheGradeThresholdAndCountsMissedRelevantAsZero() {
        Map<String, Integer> grades = Map.of("a", 2, "b", 3, "c", 1, "d", 2);
        // relevant (>=2): a, b, d. Ranked: b(1) c a(3) x d(5) -> precisions 1/1, 2/3, 3/5
        double ap = RankingMetrics.averagePrecision(List.of("b", "c", "a", "x", "d"), grades, 2);
        assertThat(ap).isCloseTo((1 + 2 / 3.0 + 3 / 5.0) / 3, within(1e-12));
        // d never ranked: (1 + 2/3 + 0) / 3
        assertThat(RankingMetrics.averagePrecision(List.of("b", "c", "a"), grades, 2))
                .isCloseTo((1 + 2 / 3.0) / 3, within(1e-12));
    }

    @Test
    void recallAndReciprocalRank() {
        Map<String, Integer> grades = Map.of("a", 1, "b", 1, "c", 1, "d", 1);
        assertThat(RankingMetrics.recall(List.of("x", "a", "y", "b"), grades, 3, 1)).isEqualTo(0.25);
        assertThat(RankingMetrics.recall(List.of("x", "a", "y", "b"), grades, 4, 1)).isEqualTo(0.5);
        assertThat(RankingMetrics.mrr(List.of("x", "y", "c"), grades, 10, 1)).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(RankingMetrics.mrr(List.of("x", "y", "c"), grades, 2, 1)).isZero();
    }

    @Test
    void overlapIsTheShareOfTheTrueTopKFound() {
        assertThat(RankingMetrics.overlap(List.of("a", "b", "x"), List.of("a", "b", "c"), 3)).isCloseTo(2 / 3.0,
                within(1e-12));
        assertThat(RankingMetrics.overlap(List.of("c", "b", "a"), List.of("a", "b", "c"), 3)).isEqualTo(1.0);
    }
}
