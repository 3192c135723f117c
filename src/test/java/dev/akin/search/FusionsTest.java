package dev.akin.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.akin.index.Hit;
import java.util.List;
import org.junit.jupiter.api.Test;

class FusionsTest {
    private static Hit hit(String id, double score) {
        return new Hit(id, "title " + id, 2024, score);
    }

    private static List<String> ids(List<Hit> hits) {
        return hits.stream().map(Hit::id).toList();
    }

    @Test
    void reciprocalRankFusionSumsOneOverSixtyPlusRank() {
        List<Hit> fused = Fusions.rrf(List.of(List.of(hit("a", .9), hit("b", .8), hit("c", .7)),
                List.of(hit("c", 12), hit("a", 9), hit("d", 3))), 10);
        assertThat(ids(fused)).containsExactly("a", "c", "b", "d");
        assertThat(fused.get(0).score()).isCloseTo(1.0 / 61 + 1.0 / 62, within(1e-12));
        assertThat(fused.get(3).score()).isCloseTo(1.0 / 63, within(1e-12));
        assertThat(fused.get(0).title()).isEqualTo("title a");
    }

    @Test
    void weightedFusionNormalizesEachListThenWeighs() {
        List<Hit> dense = List.of(hit("a", .9), hit("b", .5), hit("c", .1));
        List<Hit> lexical = List.of(hit("c", 10), hit("a", 5), hit("d", 0));
        List<Hit> even = Fusions.weighted(dense, lexical, 0.5, 10);
        assertThat(ids(even)).containsExactly("a", "c", "b", "d");
        assertThat(even.get(0).score()).isCloseTo(0.5 * 1 + 0.5 * 0.5, within(1e-12));
        // All weight on BM25: its order, the dense-only paper last.
        assertThat(ids(Fusions.weighted(dense, lexical, 0.0, 10))).startsWith("c", "a");
    }

    @Test
    void weightedFusionOfManyListsSumsEachWeightTimesTheNormalizedScore() {
        List<Hit> one = List.of(hit("a", .9), hit("b", .5), hit("c", .1));
        List<Hit> two = List.of(hit("c", 10), hit("a", 5), hit("d", 0));
        List<Hit> three = List.of(hit("d", .3), hit("b", .2));
        List<Hit> fused = Fusions.weighted(List.of(one, two, three), new double[] {0.2, 0.3, 0.5}, 10);
        // a: 0.2*1 + 0.3*0.5 = 0.35; b: 0.2*0.5 + 0.5*0 = 0.1; c: 0.3; d: 0.5*1 = 0.5
        assertThat(ids(fused)).containsExactly("d", "a", "c", "b");
        assertThat(fused.get(1).score()).isCloseTo(0.35, within(1e-12));
        assertThatThrownBy(() -> Fusions.weighted(List.of(one, two), new double[] {1}, 10))
                .hasMessageContaining("2 lists but 1 weights");
    }

    @Test
    void ensembleWeightsRejectNegativeNanAndAllZero() {
        assertThat(Ensemble.fuse(List.of(List.of(hit("a", 1)), List.of(), List.of(), List.of(hit("b", 1))),
                new Ensemble.Weights(0.2, 0, 0, 0.8), 2)).extracting(Hit::id).containsExactly("b", "a");
        assertThatThrownBy(() -> new Ensemble.Weights(-0.1, 1, 1, 1)).hasMessageContaining("-0.1");
        assertThatThrownBy(() -> new Ensemble.Weights(Double.NaN, 1, 1, 1)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> new Ensemble.Weights(0, 0, 0, 0)).hasMessageContaining("all be 0");
    }

    @Test
    void anEnsembleListsAPaperFoundUnderTwoIdsInTwoListsOnceAndStillGivesK() {
        Hit preprint = new Hit("2401.1", "Attention Is All You Need", 2024, 1);
        Hit listing = new Hit("attention-is-all-you-need", "attention is all you need!", 2024, 1);
        // Fused: the preprint 0.4, the listing 0.3, b 0.1, a and c 0. The listing is the preprint again.
        List<Hit> fused = Ensemble.fuse(List.of(List.of(preprint, hit("a", .5)), List.of(hit("b", 1)), List.of(),
                List.of(listing, hit("c", .5))), new Ensemble.Weights(0.4, 0.1, 0, 0.3), 3);
        assertThat(ids(fused)).containsExactly("2401.1", "b", "a");
    }

    @Test
    void fusionKeepsOnlyTheTopK() {
        assertThat(Fusions.rrf(List.of(List.of(hit("a", 1), hit("b", 1), hit("c", 1))), 2)).hasSize(2);
        assertThat(Fusions.weighted(List.of(hit("a", 1), hit("b", 0)), List.of(), 0.5, 1)).extracting(Hit::id)
                .containsExactly("a");
    }

    @Test
    void minMaxMapsBestToOneWorstToZeroAndTiesToOne() {
        assertThat(Fusions.minMax(List.of(hit("a", 4), hit("b", 3), hit("c", 2)))).containsExactly(1, 0.5, 0);
        assertThat(Fusions.minMax(List.of(hit("a", 7), hit("b", 7)))).containsExactly(1, 1);
        assertThat(Fusions.minMax(List.of())).isEmpty();
    }

    @Test
    void retrievalNamesParseAndPrintBack() {
        for (String name : List.of("dense", "lexical", "hybrid-rrf", "hybrid-weighted:0.7")) {
            assertThat(Retrieval.parse(name).toString()).isEqualTo(name);
        }
        assertThat(Retrieval.parse("HYBRID")).isEqualTo(Retrieval.hybrid(Retrieval.Fusion.RRF, 0.5));
        assertThatThrownBy(() -> Retrieval.parse("bm25")).hasMessageContaining("'bm25'").hasMessageContaining("dense");
        assertThatThrownBy(() -> Retrieval.parse("hybrid-weighted:2")).hasMessageContaining("0..1");
        assertThatThrownBy(() -> Retrieval.parse("hybrid-weighted:x")).hasMessageContaining("not a number");
    }
}
