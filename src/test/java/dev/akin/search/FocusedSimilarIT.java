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

/**
 * A focused similar with the real model and a real index: one paper with two subjects finds the papers on the
 * subject its focus names first, whichever the retrieval mode.
 */
class FocusedSimilarIT {
    private static final String REEFS = "Coral reefs bleach when marine heatwaves push sea temperatures above their"
            + " tolerance, and many colonies die within weeks.";
    private static final String SEGMENTATION = "We train a convolutional neural network with a U-Net architecture to"
            + " segment satellite images pixel by pixel.";

    private static Paper paper(String id, String title, String text) {
        return new Paper(id, title, text, List.of(), null, null, 2025, List.of("test"), "test");
    }

    @Test
    void theFocusDecidesWhichOfAPapersTwoSubjectsItsSimilarPapersShare(@TempDir Path dir) {
        Path data = TestModels.sampleData().resolve("004_cfd176248aa951e5.txt");
        try (Akin akin = Akin.open(AkinConfig.at(dir.resolve("idx"), TestModels.dir()))) {
            akin.index(List.of(data), IndexOptions.defaults().withPassages(true), IndexProgress.NONE);
            akin.upsert(List.of(
                    paper("both", "Mapping reef bleaching from orbit", REEFS + " " + SEGMENTATION
                            + " The maps cover two thousand kilometres of coastline."),
                    paper("ecology", "Heat stress and the death of corals", "Field surveys on the reef crest recorded"
                            + " coral bleaching and mortality after a marine heatwave raised water temperatures for"
                            + " two months. Recovery of the reef took years."),
                    paper("vision", "Fully convolutional networks for land-cover maps", "A U-Net convolutional"
                            + " network segments multispectral satellite imagery into land-cover classes pixel by"
                            + " pixel, trained on labelled tiles.")));
            for (String mode : List.of("dense", "hybrid-weighted:0.7", "passages:0.6")) {
                SearchOptions options = SearchOptions.DEFAULTS.with(Retrieval.parse(mode));
                List<String> onReefs = ids(akin.similar("both", REEFS, 10, Filter.NONE, options));
                List<String> onMethod = ids(akin.similar("both", SEGMENTATION, 10, Filter.NONE, options));
                assertThat(onReefs).as("%s, focus on reefs", mode).doesNotContain("both").contains("ecology");
                assertThat(rank(onReefs, "ecology")).as("%s: %s", mode, onReefs).isLessThan(rank(onReefs, "vision"));
                assertThat(rank(onMethod, "vision")).as("%s: %s", mode, onMethod).isLessThan(rank(onMethod, "ecology"));
            }
            assertThat(akin.similar("both", REEFS, 5, Filter.NONE, SearchOptions.DEFAULTS).mode())
                    .isEqualTo(Akin.DEFAULT_FOCUSED_SIMILAR.toString());
            assertThat(akin.similar("both", null, 5, Filter.NONE, SearchOptions.DEFAULTS).results())
                    .as("no focus: the plain similar").extracting(Hit::id)
                    .isEqualTo(ids(akin.similar("both", 5, Filter.NONE, SearchOptions.DEFAULTS)));
            assertThatThrownBy(() -> akin.similar("both", "  ", 5, Filter.NONE, SearchOptions.DEFAULTS))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("focus must not be blank");
            assertThatThrownBy(() -> akin.similar("no-such-paper", REEFS, 5, Filter.NONE, SearchOptions.DEFAULTS))
                    .isInstanceOf(PaperNotFoundException.class).hasMessageContaining("no-such-paper");
        }
    }

    private static List<String> ids(Results results) {
        return results.results().stream().map(Hit::id).toList();
    }

    /** Position in the list; absent counts as after the end. */
    private static int rank(List<String> ids, String id) {
        int i = ids.indexOf(id);
        return i < 0 ? ids.size() : i;
    }
}
