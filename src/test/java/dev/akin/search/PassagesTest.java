package dev.akin.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.akin.index.Hit;
import dev.akin.index.PassageMatcher;
import dev.akin.index.PassageVectors;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PassagesTest {
    private static final float[] X = {1, 0, 0};
    private static final float[] Y = {0, 1, 0};
    private static final float[] Z = {0, 0, 1};

    @Test
    void aPaperWhoseSentenceMatchesRisesAboveOneWithABetterWholeVector() {
        PassageMatcher query = PassageMatcher.of(PassageVectors.quantize(List.of(X)));
        List<Hit> dense = List.of(new Hit("close", "Close overall", 2024, 0.6),
                new Hit("oneSentence", "One sentence matches", 2024, 0.4));
        List<PassageVectors> passages = List.of(PassageVectors.quantize(List.of(Y, Z)),
                PassageVectors.quantize(List.of(Z, X)));
        List<Hit> rescored = Passages.rescore(dense, passages, query, 0.4);
        assertThat(rescored).extracting(Hit::id).containsExactly("oneSentence", "close");
        assertThat(rescored.get(0).score()).isCloseTo(0.4 * 0.4 + 0.6 * 1.0, within(0.01));
        assertThat(rescored.get(1).score()).isCloseTo(0.4 * 0.6 + 0.6 * 0.0, within(0.01));
    }

    @Test
    void aPaperWithoutPassagesKeepsItsCosineAsItsMatch() {
        PassageMatcher query = PassageMatcher.of(PassageVectors.quantize(List.of(X)));
        List<Hit> rescored = Passages.rescore(List.of(new Hit("old", "Written before passages", null, 0.7)),
                Collections.singletonList(null), query, 0.3);
        assertThat(rescored.getFirst().score()).isCloseTo(0.7, within(1e-9));
    }

    @Test
    void theModeParsesWithAndWithoutAWeightAndPrintsBack() {
        assertThat(Retrieval.parse("passages").denseWeight()).isEqualTo(Retrieval.PASSAGE_WHOLE_WEIGHT);
        Retrieval r = Retrieval.parse("passages:0.3");
        assertThat(r.mode()).isEqualTo(Retrieval.Mode.PASSAGES);
        assertThat(Retrieval.parse(r.toString())).isEqualTo(r);
        Retrieval hybrid = Retrieval.parse("hybrid-passages:0.6");
        assertThat(hybrid.mode()).isEqualTo(Retrieval.Mode.HYBRID);
        assertThat(hybrid.passages()).isTrue();
        assertThat(Retrieval.parse(hybrid.toString())).isEqualTo(hybrid);
        assertThat(List.of(r, hybrid)).allMatch(Retrieval::needsPassages);
        assertThat(List.of(Retrieval.DENSE, Retrieval.LEXICAL, Retrieval.parse("hybrid-weighted:0.5")))
                .noneMatch(Retrieval::needsPassages);
    }
}
