package dev.akin.http;

import static dev.akin.http.TestHttp.assertProblem;
import static dev.akin.http.TestHttp.q;
import static dev.akin.http.TestHttp.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.akin.TestModels;
import dev.akin.http.TestHttp.Reply;
import dev.akin.index.Filter;
import dev.akin.index.Hit;
import dev.akin.search.Akin;
import dev.akin.search.AkinConfig;
import dev.akin.search.Ensemble;
import dev.akin.search.IndexOptions;
import dev.akin.search.IndexProgress;
import dev.akin.search.PaperNotFoundException;
import dev.akin.search.Retrieval;
import dev.akin.search.SearchOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A server over two real models' indexes of the same papers: text search with mode=ensemble, every write reaching
 * both indexes, and the web page offering the ensemble. Beside it, a server over the first index alone.
 */
class EnsembleHttpIT {
    private static final String AUTH = "Bearer ensemble-token";
    private static final String QUERY = "large language models for code generation";
    @TempDir
    static Path dir;
    static Akin bge;
    static Akin e5;
    static AkinServer server;
    static AkinServer plain;
    static String base;

    @BeforeAll
    static void start() {
        List<Path> corpus = List.of(TestModels.sampleData().resolve("004_cfd176248aa951e5.txt"));
        bge = Akin.open(AkinConfig.at(dir.resolve("bge"), TestModels.dir()).withModel("bge-small-en-v1.5-q"));
        e5 = Akin.open(AkinConfig.at(dir.resolve("e5"), TestModels.dir()).withModel("e5-small-v2-q"));
        Ensemble ensemble = new Ensemble(bge, e5, Ensemble.DEFAULT_WEIGHTS);
        ensemble.index(corpus, IndexOptions.defaults(), IndexProgress.NONE);
        ServerConfig config = ServerConfig.defaults().at("127.0.0.1", 0).withWriteToken("ensemble-token")
                .withCorpus(corpus);
        server = new AkinServer(bge, ensemble, config).start();
        plain = new AkinServer(bge, config).start();
        base = TestHttp.root(server);
    }

    @AfterAll
    static void stop() {
        server.close();
        plain.close();
        e5.close();
        bge.close();
    }

    private static JsonNode search(String text, int k) {
        Reply reply = send(base, "GET", "/api/search?mode=ensemble&k=" + k + "&q=" + q(text), null);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static List<String> ids(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.get("results").forEach(hit -> ids.add(hit.get("id").asText()));
        return ids;
    }

    @Test
    void modeEnsembleAnswersWithBothModelsAsTheLibraryDoes() {
        JsonNode answer = search(QUERY, 10);
        assertThat(answer.get("mode").asText()).isEqualTo("ensemble");
        assertThat(answer.get("model").asText()).isEqualTo("bge-small-en-v1.5-q+e5-small-v2-q");
        assertThat(ids(answer)).hasSize(10).doesNotHaveDuplicates().isEqualTo(new Ensemble(bge, e5,
                Ensemble.DEFAULT_WEIGHTS).search(QUERY, 10, Filter.NONE).results().stream().map(Hit::id).toList());
        assertThat(send(base, "GET", "/health", null).json().get("ensemble").asText())
                .isEqualTo("bge-small-en-v1.5-q+e5-small-v2-q");

        assertProblem(send(base, "GET", "/api/search?mode=ensemble&k=101&q=x", null), 400, "1..100");
        assertProblem(send(base, "GET", "/api/search?mode=ensemble&mmr=0.5&q=x", null), 400, "leave out mmr");
        assertProblem(send(base, "GET", "/api/search?mode=ensemble&explain=true&q=x", null), 400, "explain");
        // Similar papers are not an ensemble's, and the refusal says where it is.
        String someId = ids(answer).getFirst();
        assertProblem(send(base, "GET", "/api/papers/" + someId + "/similar?mode=ensemble", null), 400,
                "mode=ensemble is for text search");

        String plainBase = TestHttp.root(plain);
        assertProblem(send(plainBase, "GET", "/api/search?mode=ensemble&q=x", null), 409, "--ensemble-with");
        assertThat(send(plainBase, "GET", "/health", null).json().get("ensemble").isNull())
                .isTrue();
    }

    @Test
    void writesReachBothIndexesAndAPaperOnlyTheSecondHoldsIsNeverAnswered() {
        String paper = "[{\"id\":\"qec-1\",\"title\":\"Quantum error correction with surface codes\","
                + "\"abstract\":\"Logical qubits protected by surface codes below threshold.\",\"year\":2021}]";
        Reply put = send(base, "PUT", "/api/papers", paper, "Authorization", AUTH);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(e5.paper("qec-1").title()).isEqualTo(bge.paper("qec-1").title());
        assertThat(ids(search("surface codes for quantum error correction", 3))).first().isEqualTo("qec-1");

        assertThat(send(base, "DELETE", "/api/papers/qec-1", null, "Authorization", AUTH).status()).isEqualTo(204);
        assertThatThrownBy(() -> e5.paper("qec-1")).isInstanceOf(PaperNotFoundException.class);
        assertThatThrownBy(() -> bge.paper("qec-1")).isInstanceOf(PaperNotFoundException.class);

        // Written to the second index alone (say by a crash between the two writes): the second model finds it
        // first, the ensemble never answers it.
        String title = "Surface codes below threshold for logical qubits";
        e5.upsert(List.of(new dev.akin.paper.Paper("stale-1", title, "Logical qubits protected by surface codes"
                + " below threshold, with quantum error correction.", List.of(), null, null, 2021, List.of(), null)));
        try {
            assertThat(e5.search(title, 1, Filter.NONE, SearchOptions.DEFAULTS.with(Retrieval.DENSE)).results())
                    .extracting(Hit::id).containsExactly("stale-1");
            assertThat(ids(search(title, 100))).isNotEmpty().doesNotContain("stale-1");
        } finally {
            e5.delete(List.of("stale-1"));
        }
    }

    @Test
    void aReindexFillsBothIndexes() throws InterruptedException {
        Reply started = send(base, "POST", "/api/reindex", "{}", "Authorization", AUTH);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode status = ServeDuringReindexIT.awaitReindex(base, AUTH);
        assertThat(status.get("state").asText()).as(status.toString()).isEqualTo("done");
        assertThat(status.get("summary").asText()).contains("first index: ").contains("second index: ");
        assertThat(e5.stats().papers()).isEqualTo(bge.stats().papers()).isGreaterThanOrEqualTo(10);
    }

    @Test
    void theWebPageOffersTheEnsembleForTextSearch() {
        ChromeDriver driver = WebPageIT.browser(dir);
        try {
            var wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            driver.get(base + "/");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#mode option[value=ensemble]")));
            new Select(driver.findElement(By.id("mode"))).selectByValue("ensemble");
            driver.findElement(By.id("explain")).click();
            driver.findElement(By.id("q")).sendKeys(QUERY);
            driver.findElement(By.cssSelector("#search button")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "ensemble"));
            assertThat(driver.findElement(By.id("status")).getText()).contains("bge-small-en-v1.5-q+e5-small-v2-q");
            assertThat(driver.findElements(By.cssSelector("#results li a"))).hasSize(10);

            // A click asks for similar papers: those answer by their own default mode, not the ensemble's.
            driver.findElements(By.cssSelector("#results li a")).getFirst().click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("heading"), "Similar to"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "model bge-small"));
            assertThat(driver.findElement(By.id("status")).getText()).doesNotContain("ensemble");
        } finally {
            driver.quit();
        }
    }
}
