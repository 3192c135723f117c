package dev.akin.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.akin.TestModels;
import dev.akin.index.Filter;
import dev.akin.index.Hit;
import dev.akin.paper.Paper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One paper indexed under two ids (a preprint and its listing entry: the same title) with the real model and a real
 * index: no answer lists it twice, and no answer about one of the two lists the other.
 */
class TwinPapersIT {
    private static final String TITLE = "Heat stress and the death of corals";
    private static final String TEXT = "Field surveys on the reef crest recorded coral bleaching and mortality after a"
            + " marine heatwave raised water temperatures for two months. Recovery of the reef took years.";

    private static Paper paper(String id, String title, String text) {
        return new Paper(id, title, text, List.of(), null, null, 2025, List.of("test"), "test");
    }

    @Test
    void aPaperUnderTwoIdsIsAnsweredOnceAndNeverAsLikeItself(@TempDir Path dir) {
        try (Akin akin = Akin.open(AkinConfig.at(dir.resolve("idx"), TestModels.dir()))) {
            akin.index(List.of(TestModels.sampleData().resolve("004_cfd176248aa951e5.txt")), IndexOptions.defaults(),
                    IndexProgress.NONE);
            akin.upsert(List.of(paper("2501.00001", TITLE, TEXT),
                    paper("heat-stress-and-the-death-of-corals", "Heat Stress and the Death of Corals.", TEXT
                            + " Data and code are available."),
                    paper("reef-survey", "Mass bleaching of the reef crest", "Aerial surveys found that coral reefs"
                            + " bleached over two thousand kilometres of coastline during the marine heatwave, and"
                            + " many colonies died.")));
            List<String> twins = List.of("2501.00001", "heat-stress-and-the-death-of-corals");

            for (String mode : List.of("dense", "lexical", "hybrid-weighted:0.5")) {
                SearchOptions options = SearchOptions.DEFAULTS.with(Retrieval.parse(mode));
                assertThat(ids(akin.similar("2501.00001", 10, Filter.NONE, options))).as(mode).hasSize(10)
                        .doesNotContainAnyElementsOf(twins);
                assertThat(ids(akin.similar("reef-survey", 10, Filter.NONE, options))).as(mode).hasSize(10)
                        .filteredOn(twins::contains).hasSize(1);
            }
            assertThat(ids(akin.similar("2501.00001", "marine heatwaves", 10, Filter.NONE, SearchOptions.DEFAULTS)))
                    .hasSize(10).doesNotContainAnyElementsOf(twins);

            // A liked paper's twin has its very vector: it would be the first recommendation.
            assertThat(ids(akin.recommend(List.of("2501.00001"), List.of(), 10, Filter.NONE))).hasSize(10)
                    .contains("reef-survey").doesNotContainAnyElementsOf(twins);
            assertThat(ids(akin.recommend(List.of("reef-survey"), List.of(), 10, Filter.NONE))).hasSize(10)
                    .filteredOn(twins::contains).hasSize(1);
        }
    }

    private static List<String> ids(Results results) {
        return results.results().stream().map(Hit::id).toList();
    }
}
