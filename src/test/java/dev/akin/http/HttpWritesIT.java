package dev.akin.http;

import static dev.akin.http.TestHttp.assertProblem;
import static dev.akin.http.TestHttp.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.akin.TestModels;
import dev.akin.http.TestHttp.Reply;
import dev.akin.http.TestHttp.Served;
import dev.akin.paper.Paper;
import dev.akin.search.Akin;
import dev.akin.search.AkinConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP API's writes, reindex and server options (token, CORS, inference capacity) against real servers on
 * random ports, the real model and a real index on disk.
 */
class HttpWritesIT {
    static final String TOKEN = "s3cret-token";

    @TempDir
    static Path dir;
    static Served api;

    @BeforeAll
    static void start() {
        Akin akin = Akin.open(AkinConfig.at(dir.resolve("index"), TestModels.dir()));
        akin.holdWriteLock();
        akin.upsert(List.of(paper("coral-1", "Coral reef bleaching", "Marine heatwaves bleach corals."),
                paper("graph-1", "Graph neural networks for molecules", "Message passing predicts properties.")));
        api = Served.start(akin, ServerConfig.defaults().withWriteToken(TOKEN));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    static Paper paper(String id, String title, String text) {
        return new Paper(id, title, text, List.of(), null, null, 2024, List.of("test"), "test");
    }

    @Test
    void writesNeedTheTokenAndAreVisibleAsSoonAsTheCallReturns() {
        String paper = "[{\"id\":\"qec-1\",\"title\":\"Quantum error correction with surface codes\","
                + "\"abstract\":\"Logical qubits protected by surface codes below threshold.\",\"year\":2021}]";
        assertProblem(api.send("PUT", "/api/papers", paper), 401, "Bearer");
        assertProblem(api.send("PUT", "/api/papers", paper, "Authorization", "Bearer wrong"), 403, "wrong token");
        assertProblem(api.send("PUT", "/api/papers", "[{\"year\":1}]", "Authorization", "Bearer " + TOKEN), 400,
                "papers[0]");
        assertProblem(api.send("PUT", "/api/papers?dryRun=true", paper, "Authorization", "Bearer " + TOKEN), 400,
                "unknown query parameter(s) [dryRun]");
        assertProblem(api.send("PUT", "/api/papers", paper + paper, "Authorization", "Bearer " + TOKEN), 400,
                "trailing token");
        Reply put = api.send("PUT", "/api/papers", paper, "Authorization", "Bearer " + TOKEN);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().get("upserted").asInt()).isEqualTo(1);
        JsonNode found = api.get("/api/search?q=" + q("surface code logical qubits") + "&k=1").json();
        assertThat(found.get("results").get(0).get("id").asText()).isEqualTo("qec-1");

        assertProblem(api.send("DELETE", "/api/papers/qec-1", null), 401, "Bearer");
        assertProblem(api.send("DELETE", "/api/papers/qec-1?cascade=true", null, "Authorization", "Bearer " + TOKEN),
                400, "[cascade]");
        assertThat(api.get("/api/papers/qec-1").status()).as("a refused delete deletes nothing").isEqualTo(200);
        assertThat(api.send("DELETE", "/api/papers/qec-1", null, "Authorization", "Bearer " + TOKEN).status())
                .isEqualTo(204);
        assertProblem(api.get("/api/papers/qec-1"), 404, "qec-1");
        JsonNode after = api.get("/api/search?q=" + q("surface code logical qubits") + "&k=3").json();
        assertThat(after.get("results").findValuesAsText("id")).doesNotContain("qec-1");
        assertProblem(api.send("DELETE", "/api/papers/qec-1", null, "Authorization", "Bearer " + TOKEN), 404, "qec-1");
    }

    @Test
    void aServerOnANewEmptyIndexAnswersADeleteWith404AndTakesItsFirstPapers() {
        try (Akin empty = Akin.open(AkinConfig.at(dir.resolve("empty"), TestModels.dir()))) {
            empty.holdWriteLock();
            var config = ServerConfig.defaults().at("127.0.0.1", 0).withWriteToken(TOKEN);
            try (AkinServer fresh = new AkinServer(empty, config).start()) {
                String root = TestHttp.root(fresh);
                String auth = "Bearer " + TOKEN;
                assertProblem(TestHttp.send(root, "DELETE", "/api/papers/none-1", null, "Authorization", auth), 404,
                        "none-1");
                String paper = "[{\"id\":\"first-1\",\"title\":\"Coral reef bleaching\","
                        + "\"abstract\":\"Marine heatwaves bleach corals.\"}]";
                Reply put = TestHttp.send(root, "PUT", "/api/papers", paper, "Authorization", auth);
                assertThat(put.status()).as(put.body()).isEqualTo(200);
                assertThat(TestHttp.send(root, "GET", "/api/papers/first-1", null).status()).isEqualTo(200);
            }
        }
    }

    @Test
    void anIndexFromBeforeLexicalSearchAnswersBm25With409AndHowToUpgradeItNotARetry() throws IOException {
        // What an older akin wrote: akin's commit data, papers without the lexical field.
        Map<String, String> commit;
        try (var directory = FSDirectory.open(dir.resolve("index"))) {
            commit = new HashMap<>(SegmentInfos.readLatestCommit(directory).getUserData());
        }
        commit.remove("akin.layout");
        Path old = dir.resolve("before-lexical");
        try (var directory = FSDirectory.open(old);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            Document doc = new Document();
            doc.add(new StringField("id", "coral-1", Field.Store.YES));
            writer.addDocument(doc);
            writer.setLiveCommitData(commit.entrySet());
            writer.commit();
        }
        try (Akin akin = Akin.open(AkinConfig.at(old, TestModels.dir()));
             AkinServer server = new AkinServer(akin, ServerConfig.defaults().at("127.0.0.1", 0)).start()) {
            Reply reply = TestHttp.send(TestHttp.root(server), "GET", "/api/search?q=coral&mode=lexical", null);
            assertProblem(reply, 409, "run 'akin index' on your inputs once");
            assertThat(reply.raw().headers().firstValue("Retry-After")).isEmpty();
        }
    }

    @Test
    void reindexNeedsTheTokenAValidBodyAndAConfiguredCorpus() {
        String auth = "Bearer " + TOKEN;
        assertProblem(api.send("POST", "/api/reindex", "{}"), 401, "Bearer");
        assertProblem(api.send("GET", "/api/reindex", null, "Authorization", "Bearer wrong"), 403, "wrong token");
        assertProblem(api.send("POST", "/api/reindex", "{\"force\":\"yes\"}", "Authorization", auth), 400, "force");
        assertProblem(api.send("POST", "/api/reindex", "{\"paths\":[\"/etc\"]}", "Authorization", auth), 400, "paths");
        assertProblem(api.send("POST", "/api/reindex", "[]", "Authorization", auth), 400, "JSON object");
        // This server was started without a corpus: there is nothing it may read.
        assertProblem(api.send("POST", "/api/reindex", "{}", "Authorization", auth), 409, "--corpus");
        assertThat(api.send("GET", "/api/reindex", null, "Authorization", auth).json().get("state").asText())
                .isEqualTo("idle");
    }

    @Test
    void withoutAConfiguredTokenWritesAreForbiddenAndReadsOpen() {
        try (AkinServer open = new AkinServer(api.akin(), ServerConfig.defaults().at("127.0.0.1", 0)).start()) {
            String root = TestHttp.root(open);
            assertProblem(TestHttp.send(root, "PUT", "/api/papers", "[]", "Authorization", "Bearer anything"), 403,
                    "AKIN_API_TOKEN");
            assertThat(TestHttp.send(root, "GET", "/api/papers/coral-1", null).status()).isEqualTo(200);
        }
    }

    @Test
    void corsIsOffByDefaultAndOnForConfiguredOrigins() {
        Reply plain = api.send("GET", "/health", null, "Origin", "http://example.org");
        assertThat(plain.raw().headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        var config = ServerConfig.defaults().at("127.0.0.1", 0).withCorsOrigins(List.of("http://example.org"));
        try (AkinServer cors = new AkinServer(api.akin(), config).start()) {
            Reply reply = TestHttp.send(TestHttp.root(cors), "GET", "/health", null, "Origin",
                    "http://example.org");
            assertThat(reply.raw().headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://example.org");
        }
    }

    @Test
    void inferenceBeyondCapacityGets503WithRetryAfterAndTheServerRecovers()
            throws InterruptedException, ExecutionException {
        var config = ServerConfig.defaults().at("127.0.0.1", 0).withInference(1, Duration.ZERO);
        try (AkinServer tight = new AkinServer(api.akin(), config).start();
             var pool = Executors.newFixedThreadPool(8)) {
            String root = TestHttp.root(tight);
            String path = "/api/search?q=" + q("a long query about neural networks ".repeat(40));
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                replies.add(pool.submit(() -> TestHttp.send(root, "GET", path, null)));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Reply> f : replies) {
                Reply r = f.get();
                statuses.add(r.status());
                if (r.status() == 503) {
                    assertThat(r.raw().headers().firstValue("Retry-After")).isPresent();
                    assertProblem(r, 503, "retry");
                }
            }
            assertThat(statuses).contains(200, 503).containsOnly(200, 503);
            assertThat(TestHttp.send(root, "GET", path, null).status()).isEqualTo(200);
        }
    }
}
