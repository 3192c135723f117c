package dev.akin.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MostTellingTermsTest {
    @Test
    void keepsTheHighestWeightsAndOfEqualOnesTheFirstSeen() {
        double[] weights = {1, 5, 3, 5, -1, 9, 3};
        boolean[] eligible = {true, true, true, true, true, false, true};
        assertThat(LexicalSearch.mostTelling(weights, eligible, 3)).containsExactly(1, 3, 2);
        assertThat(LexicalSearch.mostTelling(weights, eligible, 10)).containsExactly(1, 3, 2, 6, 0, 4);
        assertThat(LexicalSearch.mostTelling(new double[0], new boolean[0], 3)).isEmpty();
    }

    @Test
    void agreesWithAStableSortOnManyTies() {
        Random random = new Random(11);
        for (int round = 0; round < 200; round++) {
            int n = random.nextInt(200);
            double[] weights = random.doubles(n).map(w -> Math.floor(w * 8)).toArray();
            boolean[] eligible = new boolean[n];
            for (int i = 0; i < n; i++) {
                eligible[i] = random.nextInt(10) > 0;
            }
            int[] expected = IntStream.range(0, n).filter(i -> eligible[i]).boxed()
                    .sorted(Comparator.comparingDouble(i -> -weights[i])).limit(32).mapToInt(i -> i).toArray();
            assertThat(LexicalSearch.mostTelling(weights, eligible, 32)).as("round %d", round).containsExactly(expected);
        }
    }
}
