package dev.akin.paper;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TitleSplitterTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Over-parametrization via Lifting for Low-rank Matrix Sensing: Conversion of Spurious Solutions to Strict"
            + " Saddle Points|This paper studies the role of over-parametrization in solving problems.",
        "Can Language Models Falsify? Evaluating Algorithmic Reasoning with Counterexample Creation|There is growing"
            + " excitement about the potential of Language Models.",
        "Learning Invariant Representations with Missing Data|Spurious correlations allow flexible models to predict"
            + " well.",
        "Discover and Cure: Concept-aware Mitigation of Spurious Correlation|Deep neural networks often rely on"
            + " spurious correlations.",
        "Detecting Errors in a Numerical Response via any Regression Model|Noise plagues many numerical datasets.",
    })
    void splitsWhereTheProseBegins(String title, String abstractText) {
        String[] words = (title + " " + abstractText).split(" ");
        assertThat(TitleSplitter.abstractStart(words)).isEqualTo(title.split(" ").length);
    }

    @ParameterizedTest
    @CsvSource({"Only A Title Here", "X"})
    void findsNoSplitInATitleAlone(String text) {
        assertThat(TitleSplitter.abstractStart(text.split(" "))).isEqualTo(-1);
    }
}
