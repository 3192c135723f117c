package dev.akin.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShortlistTest {
    private static final float[] X = {1, 0, 0};
    private static final float[] Y = {0, 1, 0};
    private static final float[] Z = {0, 0, 1};
    private final Shortlist shortlist = new Shortlist(PassageMatcher.of(X), 0.4, 2);

    @Test
    void theRoughMatchBlendsTheCosineWithTheBestSentenceAndKeepsTheCosineWithoutSentences() {
        assertThat(shortlist.rough(0.5, PassageVectors.quantize(List.of(Z, X)))).isCloseTo(0.4 * 0.5 + 0.6 * 1.0,
                within(0.01));
        assertThat(shortlist.rough(0.6, PassageVectors.quantize(List.of(Y, Z)))).isCloseTo(0.4 * 0.6, within(0.01));
        assertThat(shortlist.rough(0.4, null)).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void theBestAreKeptInTheirOrder() {
        double[] rough = {0.24, 0.8, 0.18, 0.4};
        assertThat(Shortlist.best(rough, 2)).containsExactly(1, 3);
        assertThat(Shortlist.best(rough, 3)).containsExactly(0, 1, 3);
        assertThat(Shortlist.best(rough, 10)).containsExactly(0, 1, 2, 3);
    }

    @Test
    void aCutThroughATieKeepsTheEarlierCandidates() {
        assertThat(Shortlist.best(new double[] {0.2, 0.2, 0.2, 0.56}, 3)).containsExactly(0, 1, 3);
    }

    @Test
    void aNaNScoreRanksBelowEveryOther() {
        assertThat(Shortlist.best(new double[] {Double.NaN, 0.5, -1.0, Double.NaN}, 2)).containsExactly(1, 2);
    }

    @Test
    void aBadWeightOrSizeIsRefusedWithItsValue() {
        PassageMatcher whole = PassageMatcher.of(X);
        assertThatThrownBy(() -> new Shortlist(whole, 1.5, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.5");
        assertThatThrownBy(() -> new Shortlist(whole, 0.4, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 0");
    }
}
