package dev.akin.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.akin.index.Hit;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RerankTest {
    private static Hit hit(String id, String title, double score) {
        return new Hit(id, title, null, score);
    }

    @Test
    void theSamePaperUnderAnotherIdAppearsOnceAtItsBestRank() {
        List<Hit> hits = List.of(hit("2401.1", "Attention Is All You Need", .9), hit("x", "Other", .8),
                hit("attention-is-all-you-need", "attention is all you need!", .7), hit("y", null, .6));
        assertThat(Rerank.distinctTitles(hits)).extracting(Hit::id).containsExactly("2401.1", "x", "y");
    }

    @Test
    void aTwinOfAQuestionPaperIsNoAnswerAndATitleWithoutLettersComparesWithNothing() {
        List<Hit> hits = List.of(hit("attention-is-all-you-need", "attention is all you need!", .9),
                hit("x", "Other", .8), hit("y", "???", .7), hit("z", "!!", .6));
        assertThat(Rerank.distinctTitles(hits, Arrays.asList("Attention Is All You Need", "...", null)))
                .extracting(Hit::id).containsExactly("x", "y", "z");
    }

    @Test
    void minScoreMayLeaveFewerThanKAndComparesTheValuesGivenNotTheScores() {
        List<Hit> hits = List.of(hit("a", "A", .9), hit("b", "B", .3), hit("c", "C", .2));
        assertThat(Rerank.atLeast(hits, new double[] {.9, .3, .5}, 0.5)).extracting(Hit::id)
                .containsExactly("a", "c");
        assertThatThrownBy(() -> Rerank.atLeast(hits, new double[] {.9}, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 hits but 1 values");
    }

    @Test
    void mmrPrefersAPaperUnlikeTheFirstOverANearCopyOfIt() {
        // a and a2 are near copies; b is less relevant but different.
        List<Hit> hits = List.of(hit("a", "A", .9), hit("a2", "A2", .89), hit("b", "B", .8));
        List<float[]> vectors = List.of(new float[] {1, 0}, new float[] {0.995f, 0.0998f}, new float[] {0, 1});
        assertThat(Rerank.mmr(hits, vectors, 0.5, 3)).extracting(Hit::id).containsExactly("a", "b", "a2");
        // lambda 1 is relevance alone: the order is unchanged.
        assertThat(Rerank.mmr(hits, vectors, 1.0, 3)).extracting(Hit::id).containsExactly("a", "a2", "b");
        assertThat(Rerank.mmr(hits, vectors, 0.5, 2)).extracting(Hit::score).containsExactly(.9, .8);
    }
}
