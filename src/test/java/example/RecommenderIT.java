package example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.akin.index.Filter;
import dev.akin.index.Hit;
import dev.akin.index.IndexLockedException;
import dev.akin.index.ModelMismatchException;
import dev.akin.paper.Paper;
import dev.akin.search.Akin;
import dev.akin.search.AkinConfig;
import dev.akin.search.IndexOptions;
import dev.akin.search.IndexProgress;
import dev.akin.search.IndexReport;
import dev.akin.search.PaperNotFoundException;
import dev.akin.search.Results;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * akin used exactly as an outside recommender would: only the public API, the real model, a real index on disk,
 * the bundled sample corpus.
 */
class RecommenderIT {
    static final String ANTIDOTE = "antidote-post-fine-tuning-safety-alignment-for-large-language-models-against-harmful"
            + "-fine-tuning";
    static final String BOOSTER = "booster-tackling-harmful-fine-tuning-for-large-language-models-via-attenuating"
            + "-harmful-perturbation";

    /** Where the build unpacked the models (surefire says), and the bundled sample corpus. */
    static final Path MODELS = Path.of(System.getProperty("akin.models", "models"));
    static final Path SAMPLE = Path.of("data");

    @TempDir
    static Path shared;
    static Akin akin;
    static IndexReport first;

    @BeforeAll
    static void indexSample() {
        akin = Akin.open(AkinConfig.at(shared.resolve("index"), MODELS));
        first = akin.index(List.of(SAMPLE), IndexOptions.defaults(), IndexProgress.NONE);
    }

    @AfterAll
    static void close() {
        akin.close();
    }

    @Test
    void indexesEveryDistinctPaperOnceMergingDuplicatesAcrossFilesAndLayouts() {
        assertThat(first.added()).isEqualTo(first.papers()).isEqualTo(akin.stats().papers());
        assertThat(first.duplicates()).isPositive();
        assertThat(first.skipped()).isEmpty();
        assertThat(first.embedded()).isEqualTo(first.added());
        // One of the one-line listings: its title was split from its abstract correctly.
        assertThat(akin.paper("landscape-connectivity-and-dropout-stability-of-sgd-solutions-for-over-parameterized"
                + "-neural-networks").abstractText()).startsWith("The optimization of multilayer neural networks");
    }

    @Test
    void reindexingAnUnchangedCorpusRunsNoInference() {
        IndexReport again = akin.index(List.of(SAMPLE), IndexOptions.defaults(), IndexProgress.NONE);
        assertThat(again.unchanged()).isEqualTo(first.papers());
        assertThat(again.added() + again.updated() + again.deleted()).isZero();
        assertThat(again.embedded()).isZero();
    }

    @Test
    void similarFindsBoosterForAntidoteAndExcludesTheQueryPaper() {
        Results results = akin.similar(ANTIDOTE, 3, Filter.NONE);
        assertThat(results.results()).extracting(Hit::id).contains(BOOSTER).doesNotContain(ANTIDOTE);
        assertThat(results.model()).isEqualTo(AkinConfig.DEFAULT_MODEL);
        assertThat(results.results()).extracting(Hit::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void searchByTextRanksTheMatchingPaperFirst() {
        Results results = akin.search("safety alignment after harmful fine-tuning of large language models", 5,
                Filter.NONE);
        assertThat(results.results().getFirst().id()).isIn(ANTIDOTE, BOOSTER);
    }

    @Test
    void recommendExcludesGivenPapersAndUnlikedPushesAway() {
        Results plain = akin.recommend(List.of(ANTIDOTE), List.of(), 10, Filter.NONE);
        Results pushed = akin.recommend(List.of(ANTIDOTE), List.of(BOOSTER), 10, Filter.NONE);
        assertThat(pushed.results()).extracting(Hit::id).doesNotContain(ANTIDOTE, BOOSTER);
        String top = plain.results().getFirst().id();
        assertThat(top).isEqualTo(BOOSTER);
        assertThat(pushed.results().getFirst().score()).isLessThan(plain.results().getFirst().score());
    }

    @Test
    void yearFilterIsHonouredAndReportedExactWhenItLeavesFewCandidates() {
        Results results = akin.similar(ANTIDOTE, 10, Filter.years(2017, 2017));
        assertThat(results.results()).isNotEmpty().allSatisfy(h -> assertThat(h.year()).isEqualTo(2017));
        assertThat(results.exact()).isTrue();
    }

    @Test
    void unknownIdsAndBadArgumentsGetClearErrors() {
        assertThatThrownBy(() -> akin.similar("no-such-paper", 5, Filter.NONE))
                .isInstanceOf(PaperNotFoundException.class).hasMessageContaining("no-such-paper");
        assertThatThrownBy(() -> akin.similar(ANTIDOTE, 0, Filter.NONE)).hasMessageContaining("k must be");
        assertThatThrownBy(() -> akin.search(" ", 5, Filter.NONE)).hasMessageContaining("empty");
        assertThatThrownBy(() -> Filter.years(2020, 2010)).hasMessageContaining("2020").hasMessageContaining("2010");
    }

    @Test
    void embedGivesUnitVectorsOfTheModelsDimension() {
        List<float[]> vectors = akin.embed(List.of("graph neural networks", "protein folding"));
        assertThat(vectors).hasSize(2).allSatisfy(v -> {
            assertThat(v).hasSize(384);
            double norm = 0;
            for (float x : v) {
                norm += x * x;
            }
            assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        });
    }

    @Test
    void isSafeToQueryFromManyThreads() throws InterruptedException, ExecutionException {
        try (var pool = Executors.newFixedThreadPool(4)) {
            List<Future<Results>> futures = pool.invokeAll(List.of(
                    () -> akin.similar(ANTIDOTE, 3, Filter.NONE),
                    () -> akin.search("diffusion models for images", 3, Filter.NONE),
                    () -> akin.search("matrix sensing over-parameterization", 3, Filter.NONE),
                    () -> akin.similar(BOOSTER, 3, Filter.NONE)));
            for (Future<Results> f : futures) {
                assertThat(f.get().results()).hasSize(3);
            }
        }
    }

    @Test
    void upsertIsSearchableAndDeleteRemovesIt(@TempDir Path dir) {
        try (Akin own = Akin.open(AkinConfig.at(dir.resolve("idx"), MODELS))) {
            Paper p = new Paper("x-1", "Quantum error correction with surface codes",
                    "We study logical qubits protected by surface codes.", List.of("A"), null,
                    LocalDate.of(2021, 1, 1), null, List.of("quant-ph"), "test");
            own.upsert(List.of(p, new Paper("x-2", "Cooking pasta", "Boil water.", null, null, null, 2020, null, "t")));
            Results hits = own.search("surface code qubits", 1, new Filter(null, null, "quant-ph", Set.of()));
            assertThat(hits.results()).extracting(Hit::id).containsExactly("x-1");
            assertThat(own.delete(List.of("x-1", "never-there"))).isEqualTo(1);
            assertThat(own.search("surface code qubits", 5, Filter.NONE).results()).extracting(Hit::id)
                    .containsExactly("x-2");
        }
    }

    @Test
    void concurrentUpsertsStatsAndQueriesNeverFail(@TempDir Path dir) throws InterruptedException, ExecutionException {
        try (Akin own = Akin.open(AkinConfig.at(dir.resolve("idx"), MODELS));
             var pool = Executors.newFixedThreadPool(4)) {
            own.upsert(List.of(new Paper("seed", "Seed paper", "About graphs.", null, null, null, null, null, "t"),
                    new Paper("seed2", "Another seed", "About trees.", null, null, null, null, null, "t")));
            List<Future<Object>> work = new java.util.ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        own.upsert(List.of(new Paper("p" + thread + "-" + i, "Paper " + i, "Text " + i, null, null,
                                null, null, null, "t")));
                    }
                    return null;
                }));
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 400; i++) {
                        // stats() lists index files while commits and merges create and delete them
                        assertThat(own.stats().papers()).isPositive();
                        assertThat(own.similar("seed", 3, Filter.NONE).results()).isNotEmpty();
                    }
                    return null;
                }));
            }
            for (Future<Object> f : work) {
                f.get();
            }
            assertThat(own.stats().papers()).isEqualTo(82);
        }
    }

    @Test
    void aSecondWriterIsToldTheIndexIsLocked(@TempDir Path dir) {
        Path index = dir.resolve("idx");
        Paper p = new Paper("a", "A title", "An abstract.", null, null, null, null, null, "t");
        try (Akin writer = Akin.open(AkinConfig.at(index, MODELS));
             Akin second = Akin.open(AkinConfig.at(index, MODELS))) {
            writer.upsert(List.of(p));
            assertThatThrownBy(() -> second.upsert(List.of(p)))
                    .isInstanceOf(IndexLockedException.class).hasMessageContaining("locked by pid "
                            + ProcessHandle.current().pid());
            assertThat(second.paper("a").title()).as("readers still work").isEqualTo("A title");
        }
    }

    @Test
    void openingWithAnotherModelIsAClearErrorAndChangesNothing(@TempDir Path dir) throws IOException {
        Path index = dir.resolve("idx");
        try (Akin a = Akin.open(AkinConfig.at(index, MODELS))) {
            a.upsert(List.of(new Paper("a", "A title", "An abstract.", null, null, null, null, null, "t")));
        }
        long before = Files.walk(index).count();
        assertThatThrownBy(() -> Akin.open(AkinConfig.at(index, MODELS).withModel("bge-small-en-v1.5")))
                .isInstanceOf(ModelMismatchException.class)
                .hasMessageContaining("all-minilm-l6-v2").hasMessageContaining("bge-small-en-v1.5")
                .hasMessageContaining("reindex");
        try (Akin a = Akin.open(AkinConfig.at(index, MODELS))) {
            assertThat(a.stats().papers()).isEqualTo(1);
        }
        assertThat(Files.walk(index).count()).isEqualTo(before);
    }
}
