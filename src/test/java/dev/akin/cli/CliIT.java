package dev.akin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.akin.TestModels;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end, in-process: real model, real index, the JSON contract of --json. */
class CliIT {
    static final String ANTIDOTE = "antidote-post-fine-tuning-safety-alignment-for-large-language-models-against-harmful"
            + "-fine-tuning";

    @TempDir
    static Path dir;
    static Path index;

    record Run(int exit, String out, String err) {
        JsonNode json() throws IOException {
            return new ObjectMapper().readTree(out);
        }
    }

    static Run akin(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--models", TestModels.dir().toString()));
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    @BeforeAll
    static void indexSample() {
        index = dir.resolve("index");
        Run run = akin("index", TestModels.sampleData().toString(), "--index", index.toString(), "--json");
        assertThat(run.exit()).as(run.err()).isZero();
    }

    @Test
    void similarJsonIsOneDocumentWithBoosterInTheTopThree() throws IOException {
        Run run = akin("similar", ANTIDOTE, "--index", index.toString(), "--json", "--k", "3");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("results")).hasSize(3);
        List<String> ids = new ArrayList<>();
        json.get("results").forEach(r -> ids.add(r.get("id").asText()));
        assertThat(ids).anySatisfy(id -> assertThat(id).startsWith("booster-tackling-harmful-fine-tuning"));
        assertThat(json.get("results").get(0).has("title")).isTrue();
        assertThat(json.get("results").get(0).has("score")).isTrue();
        assertThat(json.get("model").asText()).isEqualTo(dev.akin.search.AkinConfig.DEFAULT_MODEL);
        assertThat(json.has("exact")).isTrue();
    }

    @Test
    void similarWithAFocusAnswersAndABlankFocusIsRefused() throws IOException {
        Run focused = akin("similar", ANTIDOTE, "--focus", "harmful fine-tuning attacks on safety alignment",
                "--index", index.toString(), "--json", "--k", "3");
        assertThat(focused.exit()).as(focused.err()).isZero();
        assertThat(focused.json().get("results")).hasSize(3);
        assertThat(focused.json().get("results").findValuesAsText("id")).doesNotContain(ANTIDOTE);
        Run blank = akin("similar", ANTIDOTE, "--focus", " ", "--index", index.toString());
        assertThat(blank.exit()).isNotZero();
        assertThat(blank.err()).contains("focus must not be blank");
    }

    @Test
    void searchAndRecommendAndStatsAnswer() throws IOException {
        assertThat(akin("search", "harmful fine-tuning attacks", "--index", index.toString(), "--json").json()
                .get("results")).hasSize(10);
        assertThat(akin("recommend", "--like", ANTIDOTE, "--index", index.toString(), "--json", "-k", "2").json()
                .get("results")).hasSize(2);
        Run stats = akin("stats", "--index", index.toString(), "--json");
        assertThat(stats.json().get("papers").asLong()).isGreaterThan(300);
    }

    @Test
    void searchWithAnEnsembleAsksBothIndexesAndRefusesOptionsItCannotHonour() throws IOException {
        String seed = TestModels.sampleData().resolve("004_cfd176248aa951e5.txt").toString();
        Path bge = dir.resolve("ensemble-bge");
        Path e5 = dir.resolve("ensemble-e5");
        assertThat(akin("index", seed, "--index", bge.toString(), "--model", "bge-small-en-v1.5-q", "--passages")
                .exit()).isZero();
        assertThat(akin("index", seed, "--index", e5.toString(), "--model", "e5-small-v2-q").exit()).isZero();
        Run run = akin("search", "harmful fine-tuning attacks", "--index", bge.toString(), "--ensemble-with",
                e5.toString(), "--json", "-k", "4");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.json().get("results")).hasSize(4);
        assertThat(run.json().get("model").asText()).isEqualTo("bge-small-en-v1.5-q+e5-small-v2-q");
        Run withMode = akin("search", "x", "--index", bge.toString(), "--ensemble-with", e5.toString(), "--mmr", "0.7");
        assertThat(withMode.exit()).isEqualTo(2);
        assertThat(withMode.err()).contains("leave out --mode, --min-score, --mmr and --explain");
        Run missing = akin("search", "x", "--index", bge.toString(), "--ensemble-with", dir.resolve("nope").toString());
        assertThat(missing.err()).contains("no such index folder");
        assertThat(dir.resolve("nope")).doesNotExist();
        Run serveMissing = akin("serve", "--port", "0", "--index", bge.toString(), "--ensemble-with",
                dir.resolve("nope").toString());
        assertThat(serveMissing.exit()).isEqualTo(2);
        assertThat(serveMissing.err()).contains("no such index folder");
        // The first index must keep sentence vectors: e5's does not, so e5 cannot come first.
        Run serveSwapped = akin("serve", "--port", "0", "--index", e5.toString(), "--ensemble-with", bge.toString());
        assertThat(serveSwapped.exit()).isEqualTo(2);
        assertThat(serveSwapped.err()).contains("keeps no sentence vectors").contains("--passages");
        assertThat(dir.resolve("nope")).doesNotExist();
    }

    @Test
    void unknownIdIsAnErrorOnStderrWithNonZeroExit() {
        Run run = akin("similar", "no-such-id", "--index", index.toString(), "--json");
        assertThat(run.exit()).isEqualTo(ErrorHandler.USER_ERROR);
        assertThat(run.err()).contains("no-such-id");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void serveOnATakenPortIsAUserErrorNamingHostAndPort() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            String port = String.valueOf(taken.getLocalPort());
            Run run = akin("serve", "--index", index.toString(), "--host", "127.0.0.1", "--port", port);
            assertThat(run.exit()).as(run.err()).isEqualTo(ErrorHandler.USER_ERROR);
            assertThat(run.err()).contains("cannot listen on 127.0.0.1:" + port).doesNotContain("internal error");
        }
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertThat(akin("similar", ANTIDOTE, "--index", index.toString(), "--k", "0").exit()).isNotZero();
        assertThat(akin("similar", ANTIDOTE, "--index", index.toString(), "--k", "ten").exit()).isEqualTo(2);
        Run missing = akin("index", dir.resolve("missing.jsonl").toString(), "--index", index.toString());
        assertThat(missing.exit()).isEqualTo(ErrorHandler.USER_ERROR);
        assertThat(missing.err()).contains("missing.jsonl");
    }

    @Test
    void strictFailsBeforeWritingAndLenientSkipsWithFileAndLine(@TempDir Path work) throws IOException {
        Path own = work.resolve("idx");
        Path good = work.resolve("good.jsonl");
        Files.writeString(good, "{\"id\":\"g1\",\"title\":\"Graph neural networks\",\"abstract\":\"GNNs.\"}\n");
        assertThat(akin("index", good.toString(), "--index", own.toString()).exit()).isZero();
        Path bad = work.resolve("bad.jsonl");
        Files.writeString(bad, "{\"id\":\"b1\",\"title\":\"Fine\"}\n{broken\n");

        Run strict = akin("index", bad.toString(), "--index", own.toString(), "--strict");
        assertThat(strict.exit()).isEqualTo(ErrorHandler.USER_ERROR);
        assertThat(strict.err()).contains("bad.jsonl:2");
        assertThat(akin("stats", "--index", own.toString(), "--json").json().get("papers").asLong()).isEqualTo(1);

        Run lenient = akin("index", bad.toString(), "--index", own.toString(), "--json");
        assertThat(lenient.exit()).isZero();
        JsonNode report = lenient.json();
        assertThat(report.get("added").asLong()).isEqualTo(1);
        assertThat(report.get("skipped").get(0).get("location").asText()).endsWith("bad.jsonl:2");
        assertThat(report.get("papers").asLong()).isEqualTo(2);

        Run pruned = akin("index", bad.toString(), "--index", own.toString(), "--prune", "--json");
        assertThat(pruned.json().get("deleted").asLong()).isEqualTo(1);
        assertThat(pruned.json().get("papers").asLong()).isEqualTo(1);
    }
}
