package dev.akin.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.akin.TestModels;
import dev.akin.search.Akin;
import dev.akin.search.AkinConfig;
import dev.akin.search.Retrieval;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation harnesses on real data: CSFCube's shipped SPECTER ranking, and a tiny BEIR collection. */
class EvalIT {
    static final Path CSFCUBE = Path.of("../shared/data/csfcube");

    @Test
    void scoringTheShippedSpecterRankingReproducesItsPublishedNumbers() {
        List<CsfcubeEval.Pool> pools = CsfcubeEval.pools(CSFCUBE);
        assertThat(pools).hasSize(50);
        Map<String, Path> shipped = Map.of(
                "background", ranked("background"), "method", ranked("method"), "result", ranked("result"));
        List<CsfcubeEval.Scores> scores = CsfcubeEval.score(pools, CsfcubeEval.shipped(shipped),
                CSFCUBE.resolve("evaluation_splits.json"));
        CsfcubeEval.Scores all = scores.stream().filter(s -> s.facet().equals("all") && s.split().equals("test"))
                .findFirst().orElseThrow();
        assertThat(all.queries()).isEqualTo(50);
        assertThat(all.ndcg20()).isCloseTo(53.6, within(0.05)); // published: NDCG%20 53.6
        assertThat(all.map()).isCloseTo(34.1, within(0.15));    // published: MAP 34.1
    }

    private static Path ranked(String facet) {
        return CSFCUBE.resolve("sample_ranked_pools/test-pid2pool-csfcube-specter-" + facet + "-ranked.json");
    }

    @Test
    void beirHarnessFindsTheObviousDocumentFirst(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("corpus.jsonl"), """
                {"_id": "d1", "title": "Aspirin and heart attacks", "text": "Daily aspirin lowers the risk of heart attack."}
                {"_id": "d2", "title": "Volcanoes", "text": "Lava flows from erupting volcanoes in Iceland."}
                {"_id": "d3", "title": "Neural machine translation", "text": "Transformers translate English to German."}
                """);
        Files.writeString(dir.resolve("queries.jsonl"), """
                {"_id": "q1", "text": "Does aspirin prevent myocardial infarction?"}
                {"_id": "q2", "text": "volcanic eruptions"}
                {"_id": "q3", "text": "not judged"}
                """);
        Files.createDirectories(dir.resolve("qrels"));
        Files.writeString(dir.resolve("qrels/test.tsv"), "query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td2\t1\n");
        BeirCollection collection = BeirCollection.load(dir, "test");
        assertThat(collection.queries()).containsOnlyKeys("q1", "q2");
        try (Akin akin = Akin.open(AkinConfig.at(dir.resolve("index"), TestModels.dir()))) {
            BeirEval.Scores scores = BeirEval.run(akin, collection, Retrieval.DENSE);
            assertThat(scores.queries()).isEqualTo(2);
            assertThat(scores.ndcg10()).isEqualTo(1.0);
            assertThat(scores.mrr10()).isEqualTo(1.0);
            assertThat(scores.annRecall10()).isEqualTo(1.0);
            assertThat(scores.indexing().embedded()).isEqualTo(3);
            assertThat(BeirEval.run(akin, collection, Retrieval.DENSE).indexing().embedded()).as("incremental").isZero();
        }
    }
}
