package dev.akin.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.akin.TestModels;
import dev.akin.embed.Vectors;
import dev.akin.index.Filter;
import dev.akin.index.Hit;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * minScore with the real model and a real index: in every mode it compares the embedding score, so a question
 * nothing in the index is about gets an empty answer, even where BM25 and the fusions rank some paper first
 * with a high score of their own.
 */
class MinScoreIT {
    /** Between what MiniLM gives an off-topic question's best paper (~0.2) and a paper on the question (~0.5+). */
    private static final double RELATED = 0.35;
    private static final String OFF_TOPIC = "chocolate cake recipe with buttercream frosting";
    private static final String ON_TOPIC = "gradient backpropagation through diffusion model sampling with the"
            + " adjoint sensitivity method";
    private static final List<String> MODES = List.of("dense", "lexical", "hybrid-weighted:0.5", "hybrid-rrf",
            "passages:0.4", "hybrid-passages:0.5");

    @Test
    void aQuestionNothingIsAboutGetsAnEmptyAnswerInEveryMode(@TempDir Path dir) {
        try (Akin akin = Akin.open(AkinConfig.at(dir.resolve("idx"), TestModels.dir()))) {
            akin.index(List.of(TestModels.sampleData().resolve("004_cfd176248aa951e5.txt")),
                    IndexOptions.defaults().withPassages(true), IndexProgress.NONE);
            float[] onTopic = akin.embedQuery(ON_TOPIC);
            for (String mode : MODES) {
                SearchOptions options = SearchOptions.DEFAULTS.with(Retrieval.parse(mode));
                assertThat(akin.search(OFF_TOPIC, 5, Filter.NONE, options).results()).as("%s, no threshold", mode)
                        .isNotEmpty();
                assertThat(akin.search(OFF_TOPIC, 5, Filter.NONE, options.withMinScore(RELATED)).results())
                        .as(mode).isEmpty();
                List<Hit> related = akin.search(ON_TOPIC, 5, Filter.NONE, options.withMinScore(RELATED)).results();
                assertThat(related).as(mode).extracting(Hit::title).anyMatch(t -> t.startsWith("AdjointDPM"));
                if (!mode.contains("passages")) {
                    // The passage modes compare their passage match, which may stand above the cosine.
                    related.forEach(h -> assertThat(Vectors.dot(onTopic, akin.vector(h.id())))
                            .as("%s: %s", mode, h.title()).isGreaterThanOrEqualTo(RELATED - 1e-6));
                }
            }
        }
    }

    @Test
    void underHybridPassagesAPaperOnlyBm25FoundIsJudgedOnItsPassageBlendLikeTheRest(@TempDir Path dir) {
        try (Akin akin = Akin.open(AkinConfig.at(dir.resolve("idx"), TestModels.dir()))) {
            akin.index(List.of(TestModels.sampleData().resolve("004_cfd176248aa951e5.txt")),
                    IndexOptions.defaults().withPassages(true), IndexProgress.NONE);
            String question = "language models";
            // passages:0.4 at k=100 fully matches each of the 60 papers: its blend, as hybrid-passages computes it.
            Map<String, Double> blend = new HashMap<>();
            akin.search(question, 100, Filter.NONE, SearchOptions.DEFAULTS.with(Retrieval.passages(0.4))).results()
                    .forEach(h -> blend.put(h.id(), h.score()));
            Set<String> dense = new HashSet<>();
            akin.search(question, 30, Filter.NONE, SearchOptions.DEFAULTS.with(Retrieval.DENSE)).results()
                    .forEach(h -> dense.add(h.id()));
            float[] asked = akin.embedQuery(question);
            SearchOptions hybrid = SearchOptions.DEFAULTS.with(Retrieval.parse("hybrid-passages:0.5"));
            // A threshold between the cosine and the blend of a paper the 30-deep dense list missed: judged on its
            // cosine it would go, on its blend it stays, or the other way round.
            Hit bm25Only = akin.search(question, 10, Filter.NONE, hybrid).results().stream()
                    .filter(h -> !dense.contains(h.id())).findFirst()
                    .orElseThrow(() -> new AssertionError("no paper only BM25 found: nothing to tell apart"));
            double threshold = (Vectors.dot(asked, akin.vector(bm25Only.id())) + blend.get(bm25Only.id())) / 2;
            // A threshold keeps the first k of the k + 3 candidates that reach it.
            List<Hit> expected = akin.search(question, 13, Filter.NONE, hybrid).results().stream()
                    .filter(h -> blend.get(h.id()) >= threshold).limit(10).toList();
            assertThat(akin.search(question, 10, Filter.NONE, hybrid.withMinScore(threshold)).results())
                    .isEqualTo(expected).isNotEmpty();
        }
    }

    @Test
    void aLexicalSimilarByIdKeepsOnlyPapersWhoseVectorsAreCloseEnough(@TempDir Path dir) {
        try (Akin akin = Akin.open(AkinConfig.at(dir.resolve("idx"), TestModels.dir()))) {
            akin.index(List.of(TestModels.sampleData().resolve("004_cfd176248aa951e5.txt")), IndexOptions.defaults(),
                    IndexProgress.NONE);
            String id = akin.search(ON_TOPIC, 1, Filter.NONE).results().getFirst().id();
            SearchOptions lexical = SearchOptions.DEFAULTS.with(Retrieval.LEXICAL);
            List<Hit> all = akin.similar(id, 50, Filter.NONE, lexical).results();
            List<Hit> close = akin.similar(id, 50, Filter.NONE, lexical.withMinScore(0.5)).results();
            List<Hit> expected = all.stream().filter(h -> Vectors.dot(akin.vector(id), akin.vector(h.id())) >= 0.5)
                    .toList();
            assertThat(close).isNotEmpty().hasSizeLessThan(all.size()).isEqualTo(expected);
            // With MMR as well (deeper candidates, reordered), still only papers that close, and these among them.
            List<Hit> diverse = akin.similar(id, 50, Filter.NONE, lexical.withMinScore(0.5).withMmrLambda(0.7))
                    .results();
            assertThat(diverse).hasSizeLessThan(50).containsAll(expected).allSatisfy(h ->
                    assertThat(Vectors.dot(akin.vector(id), akin.vector(h.id()))).isGreaterThanOrEqualTo(0.5));
        }
    }
}
