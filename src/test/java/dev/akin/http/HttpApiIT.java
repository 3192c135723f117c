package dev.akin.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.akin.TestModels;
import dev.akin.search.Akin;
import dev.akin.search.AkinConfig;
import dev.akin.search.IndexOptions;
import dev.akin.search.IndexProgress;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP API against a real server on a random port, the real model, a real index of the sample corpus. */
class HttpApiIT {
    static final String ANTIDOTE = "antidote-post-fine-tuning-safety-alignment-for-large-language-models-against-harmful"
            + "-fine-tuning";
    static final String BOOSTER = "booster-tackling-harmful-fine-tuning-for-large-language-models-via-attenuating"
            + "-harmful-perturbation";
    static final String TOKEN = "s3cret-token";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path dir;
    static Akin akin;
    static AkinServer server;
    static String base;

    record Reply(int status, String body, HttpResponse<String> raw) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }

        String contentType() {
            return raw.headers().firstValue("Content-Type").orElse("");
        }
    }

    @BeforeAll
    static void start() {
        akin = Akin.open(AkinConfig.at(dir.resolve("index"), TestModels.dir()));
        akin.holdWriteLock();
        akin.index(List.of(TestModels.sampleData()), IndexOptions.defaults(), IndexProgress.NONE);
        server = new AkinServer(akin, ServerConfig.defaults().at("127.0.0.1", 0).withWriteToken(TOKEN)).start();
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
        akin.close();
    }

    static Reply send(String method, String path, String body, String... headers) throws Exception {
        return sendTo(base, method, path, body, headers);
    }

    static Reply sendTo(String root, String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body(), response);
    }

    static Reply get(String path) throws Exception {
        return send("GET", path, null);
    }

    static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static void assertProblem(Reply reply, int status, String detailPart) throws IOException {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).containsIgnoringCase(detailPart);
        // Nothing internal leaks: no stack frames, exception classes or file paths.
        assertThat(reply.body()).doesNotContain("Exception", "\tat ", "dev.akin.", "/work/", ".java");
    }

    @Test
    void healthSaysReadyWithPaperCountAndModel() throws Exception {
        JsonNode health = get("/health").json();
        assertThat(health.get("status").asText()).isEqualTo("ready");
        assertThat(health.get("papers").asLong()).isGreaterThan(300);
        assertThat(health.get("model").get("name").asText()).isEqualTo(AkinConfig.DEFAULT_MODEL);
        assertThat(health.get("model").get("onnxSha256").asText()).hasSize(64);
    }

    @Test
    void paperAndSimilarPapers() throws Exception {
        JsonNode paper = get("/api/papers/" + ANTIDOTE).json();
        assertThat(paper.get("title").asText()).startsWith("Antidote");
        assertThat(paper.get("abstract").asText()).isNotBlank();
        Reply similar = get("/api/papers/" + ANTIDOTE + "/similar?k=3");
        assertThat(similar.status()).isEqualTo(200);
        JsonNode json = similar.json();
        assertThat(json.get("results")).hasSize(3);
        assertThat(json.get("results").findValuesAsText("id")).contains(BOOSTER).doesNotContain(ANTIDOTE);
        assertThat(json.get("model").asText()).isEqualTo(AkinConfig.DEFAULT_MODEL);
        assertThat(json.get("exact").isBoolean()).isTrue();
        assertThat(json.get("results").get(0).has("score")).isTrue();
        assertThat(json.get("results").get(0).has("year")).isTrue();
    }

    @Test
    void searchRecommendAndEmbedAnswer() throws Exception {
        JsonNode search = get("/api/search?q=" + q("safety alignment against harmful fine-tuning") + "&k=5").json();
        assertThat(search.get("results").findValuesAsText("id")).containsAnyOf(ANTIDOTE, BOOSTER);
        JsonNode rec = send("POST", "/api/recommend", "{\"liked\":[\"" + ANTIDOTE + "\"],\"unliked\":[],\"k\":2}")
                .json();
        assertThat(rec.get("results")).hasSize(2);
        assertThat(rec.get("results").get(0).get("id").asText()).isEqualTo(BOOSTER);
        JsonNode embed = send("POST", "/api/embed", "{\"texts\":[\"graph neural networks\",\"proteins\"]}").json();
        assertThat(embed.get("dimensions").asInt()).isEqualTo(384);
        assertThat(embed.get("vectors")).hasSize(2);
        assertThat(embed.get("vectors").get(0)).hasSize(384);
    }

    @Test
    void badParametersAre400WithAUsefulDetail() throws Exception {
        String similar = "/api/papers/" + ANTIDOTE + "/similar";
        assertProblem(get(similar + "?k=0"), 400, "k must be in 1..1000");
        assertProblem(get(similar + "?k=1001"), 400, "got 1001");
        assertProblem(get(similar + "?k=ten"), 400, "'ten'");
        assertProblem(get(similar + "?yearFrom=abc"), 400, "yearFrom");
        assertProblem(get(similar + "?yearFrom=2020&yearTo=2010"), 400, "after yearTo");
        assertProblem(get(similar + "?category=no.such"), 400, "no.such");
        assertProblem(get(similar + "?year_from=2020"), 400, "year_from");
        assertProblem(get("/api/search"), 400, "q is required");
        assertProblem(get("/api/search?q=%20"), 400, "q is required");
        assertProblem(get("/api/search?q=" + "a".repeat(2001)), 400, "2001 characters");
        assertProblem(get("/api/papers/bad%0Aid"), 400, "not a paper id");
        assertProblem(get("/api/papers/" + "x".repeat(300)), 400, "not a paper id");
    }

    @Test
    void badBodiesAre400And413() throws Exception {
        assertProblem(send("POST", "/api/recommend", "{\"liked\": [1"), 400, "malformed JSON at line 1");
        assertProblem(send("POST", "/api/recommend", "{}"), 400, "liked is required");
        assertProblem(send("POST", "/api/recommend", "{\"liked\":[\"" + ANTIDOTE + "\"],\"kk\":3}"), 400, "kk");
        assertProblem(send("POST", "/api/recommend", ""), 400, "JSON body");
        assertProblem(send("POST", "/api/recommend", "[".repeat(500) + "]".repeat(500)), 400, "malformed JSON");
        assertProblem(send("POST", "/api/embed", "{\"texts\":[]}"), 400, "at least one text");
        assertProblem(send("POST", "/api/recommend", "{\"liked\":[\"no-such-paper\"]}"), 404, "no-such-paper");
        String big = "{\"texts\":[\"" + "a".repeat(10_500_000) + "\"]}";
        assertProblem(send("POST", "/api/embed", big), 413, "");
    }

    @Test
    void unknownRoutesAre404AndWrongMethodsAre405() throws Exception {
        assertProblem(get("/api/nothing"), 404, "");
        assertProblem(get("/api/papers/no-such-paper"), 404, "no-such-paper");
        assertProblem(send("POST", "/api/search", ""), 405, "");
        assertProblem(send("DELETE", "/health", null), 405, "");
    }

    @Test
    void writesNeedTheTokenAndAreVisibleAsSoonAsTheCallReturns() throws Exception {
        String paper = "[{\"id\":\"qec-1\",\"title\":\"Quantum error correction with surface codes\","
                + "\"abstract\":\"Logical qubits protected by surface codes below threshold.\",\"year\":2021}]";
        assertProblem(send("PUT", "/api/papers", paper), 401, "Bearer");
        assertProblem(send("PUT", "/api/papers", paper, "Authorization", "Bearer wrong"), 403, "wrong token");
        assertProblem(send("PUT", "/api/papers", "[{\"year\":1}]", "Authorization", "Bearer " + TOKEN), 400,
                "papers[0]");
        Reply put = send("PUT", "/api/papers", paper, "Authorization", "Bearer " + TOKEN);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().get("upserted").asInt()).isEqualTo(1);
        JsonNode found = get("/api/search?q=" + q("surface code logical qubits") + "&k=1").json();
        assertThat(found.get("results").get(0).get("id").asText()).isEqualTo("qec-1");

        assertProblem(send("DELETE", "/api/papers/qec-1", null), 401, "Bearer");
        assertThat(send("DELETE", "/api/papers/qec-1", null, "Authorization", "Bearer " + TOKEN).status())
                .isEqualTo(204);
        assertProblem(get("/api/papers/qec-1"), 404, "qec-1");
        JsonNode after = get("/api/search?q=" + q("surface code logical qubits") + "&k=3").json();
        assertThat(after.get("results").findValuesAsText("id")).doesNotContain("qec-1");
        assertProblem(send("DELETE", "/api/papers/qec-1", null, "Authorization", "Bearer " + TOKEN), 404, "qec-1");
    }

    @Test
    void aServerOnANewEmptyIndexAnswersADeleteWith404AndTakesItsFirstPapers() throws Exception {
        try (Akin empty = Akin.open(AkinConfig.at(dir.resolve("empty"), TestModels.dir()))) {
            empty.holdWriteLock();
            var config = ServerConfig.defaults().at("127.0.0.1", 0).withWriteToken(TOKEN);
            try (AkinServer fresh = new AkinServer(empty, config).start()) {
                String root = "http://127.0.0.1:" + fresh.port();
                String auth = "Bearer " + TOKEN;
                assertProblem(sendTo(root, "DELETE", "/api/papers/none-1", null, "Authorization", auth), 404,
                        "none-1");
                String paper = "[{\"id\":\"first-1\",\"title\":\"Coral reef bleaching\","
                        + "\"abstract\":\"Marine heatwaves bleach corals.\"}]";
                Reply put = sendTo(root, "PUT", "/api/papers", paper, "Authorization", auth);
                assertThat(put.status()).as(put.body()).isEqualTo(200);
                assertThat(sendTo(root, "GET", "/api/papers/first-1", null).status()).isEqualTo(200);
            }
        }
    }

    @Test
    void modeSelectsDenseLexicalOrHybridAndEachAnswerSaysWhich() throws Exception {
        JsonNode lexical = get("/api/search?q=" + q("Antidote") + "&k=3&mode=lexical").json();
        assertThat(lexical.get("mode").asText()).isEqualTo("lexical");
        assertThat(lexical.get("results").get(0).get("id").asText()).isEqualTo(ANTIDOTE);
        JsonNode hybrid = get("/api/search?q=" + q("harmful fine-tuning attack defense") + "&k=5&mode=hybrid").json();
        assertThat(hybrid.get("mode").asText()).isEqualTo("hybrid-rrf");
        assertThat(hybrid.get("results").findValuesAsText("id")).containsAnyOf(ANTIDOTE, BOOSTER);
        JsonNode similar = get("/api/papers/" + ANTIDOTE + "/similar?k=5&mode=hybrid-weighted:0.5&mmr=0.7").json();
        assertThat(similar.get("mode").asText()).isEqualTo("hybrid-weighted:0.5");
        assertThat(similar.get("results")).hasSize(5);
        assertThat(similar.get("results").findValuesAsText("id")).doesNotContain(ANTIDOTE).doesNotHaveDuplicates();
        JsonNode strict = get("/api/papers/" + ANTIDOTE + "/similar?k=50&minScore=0.6").json();
        assertThat(strict.get("results").size()).isBetween(1, 49);
        strict.get("results").forEach(h -> assertThat(h.get("score").asDouble()).isGreaterThanOrEqualTo(0.6));
        assertProblem(get("/api/search?q=x&mode=bm25"), 400, "'bm25'");
        // This index keeps no sentence vectors: the answer says how to get them.
        assertProblem(get("/api/papers/" + ANTIDOTE + "/similar?mode=passages"), 400, "akin index --passages");
        assertProblem(get("/api/search?q=x&minScore=high"), 400, "minScore");
        assertProblem(get("/api/papers/" + ANTIDOTE + "/similar?mmr=0"), 400, "lambda");
    }

    @Test
    void aFocusNarrowsSimilarToOneRespectAndIsChecked() throws Exception {
        String similar = "/api/papers/" + ANTIDOTE + "/similar";
        JsonNode focused = get(similar + "?k=5&focus=" + q("defending aligned models against harmful fine-tuning")
                + "&mode=hybrid-weighted:0.7").json();
        assertThat(focused.get("mode").asText()).isEqualTo("hybrid-weighted:0.7");
        assertThat(focused.get("results").findValuesAsText("id")).hasSize(5).doesNotContain(ANTIDOTE)
                .contains(BOOSTER);
        assertProblem(get(similar + "?focus=" + q("   ")), 400, "focus must not be blank");
        assertProblem(get(similar + "?focus=" + "x".repeat(2001)), 400, "focus has 2001 characters");
        assertProblem(get(similar + "?focus=x&mode=passages"), 400, "akin index --passages");
    }

    @Test
    void explainSaysWhichSentencesAndTermsMatched() throws Exception {
        JsonNode similar = get("/api/papers/" + ANTIDOTE + "/similar?k=3&explain=true").json();
        JsonNode why = similar.get("why").get(BOOSTER);
        assertThat(why).as(similar.toString()).isNotNull();
        assertThat(why.get("querySentence").asText()).isNotBlank();
        assertThat(why.get("paperSentence").asText()).isNotBlank();
        assertThat(why.get("sentenceScore").asDouble()).isBetween(0.3, 1.0);
        assertThat(why.get("sharedTerms").findValuesAsText("")).isEmpty();
        assertThat(why.get("sharedTerms").toString()).containsIgnoringCase("fine");
        assertThat(similar.get("why").size()).isEqualTo(3);
        JsonNode plain = get("/api/papers/" + ANTIDOTE + "/similar?k=3").json();
        assertThat(plain.has("why")).as("off by default").isFalse();
        assertProblem(get("/api/search?q=x&explain=maybe"), 400, "explain");
    }

    @Test
    void reindexNeedsTheTokenAValidBodyAndAConfiguredCorpus() throws Exception {
        String auth = "Bearer " + TOKEN;
        assertProblem(send("POST", "/api/reindex", "{}"), 401, "Bearer");
        assertProblem(send("GET", "/api/reindex", null, "Authorization", "Bearer wrong"), 403, "wrong token");
        assertProblem(send("POST", "/api/reindex", "{\"force\":\"yes\"}", "Authorization", auth), 400, "force");
        assertProblem(send("POST", "/api/reindex", "{\"paths\":[\"/etc\"]}", "Authorization", auth), 400, "paths");
        assertProblem(send("POST", "/api/reindex", "[]", "Authorization", auth), 400, "JSON object");
        // This server was started without a corpus: there is nothing it may read.
        assertProblem(send("POST", "/api/reindex", "{}", "Authorization", auth), 409, "--corpus");
        assertThat(send("GET", "/api/reindex", null, "Authorization", auth).json().get("state").asText())
                .isEqualTo("idle");
    }

    @Test
    void withoutAConfiguredTokenWritesAreForbiddenAndReadsOpen() throws Exception {
        try (AkinServer open = new AkinServer(akin, ServerConfig.defaults().at("127.0.0.1", 0)).start()) {
            String root = "http://127.0.0.1:" + open.port();
            assertProblem(sendTo(root, "PUT", "/api/papers", "[]", "Authorization", "Bearer anything"), 403,
                    "AKIN_API_TOKEN");
            assertThat(sendTo(root, "GET", "/api/papers/" + ANTIDOTE, null).status()).isEqualTo(200);
        }
    }

    @Test
    void corsIsOffByDefaultAndOnForConfiguredOrigins() throws Exception {
        Reply plain = send("GET", "/health", null, "Origin", "http://example.org");
        assertThat(plain.raw().headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        var config = ServerConfig.defaults().at("127.0.0.1", 0).withCorsOrigins(List.of("http://example.org"));
        try (AkinServer cors = new AkinServer(akin, config).start()) {
            Reply reply = sendTo("http://127.0.0.1:" + cors.port(), "GET", "/health", null, "Origin",
                    "http://example.org");
            assertThat(reply.raw().headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://example.org");
        }
    }

    @Test
    void inferenceBeyondCapacityGets503WithRetryAfterAndTheServerRecovers() throws Exception {
        var config = ServerConfig.defaults().at("127.0.0.1", 0).withInference(1, Duration.ZERO);
        try (AkinServer tight = new AkinServer(akin, config).start();
             var pool = Executors.newFixedThreadPool(8)) {
            String root = "http://127.0.0.1:" + tight.port();
            String path = "/api/search?q=" + q("a long query about neural networks ".repeat(40));
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                replies.add(pool.submit(() -> sendTo(root, "GET", path, null)));
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
            assertThat(sendTo(root, "GET", path, null).status()).isEqualTo(200);
        }
    }

    @Test
    void metricsOpenapiDocsAndPageAreServed() throws Exception {
        get("/api/papers/" + ANTIDOTE + "/similar");
        get("/api/search?q=diffusion");
        Reply metrics = get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("akin_http_requests_total{method=\"GET\",route=\"/api/papers/{id}/similar\","
                + "status=\"200\"}", "akin_http_request_duration_seconds_bucket", "akin_inference_duration_seconds",
                "akin_index_papers", "akin_index_bytes");
        JsonNode openapi = get("/openapi.json").json();
        assertThat(openapi.get("paths").fieldNames()).toIterable().contains("/api/papers/{id}",
                "/api/papers/{id}/similar", "/api/search", "/api/recommend", "/api/embed", "/api/papers", "/health",
                "/metrics", "/openapi.json", "/docs", "/api/reindex");
        assertThat(get("/docs").body()).contains("openapi.json");
        assertThat(get("/").body()).contains("<form id=\"search\"");
        assertThat(get("/health").status()).as("still serving after all the errors above").isEqualTo(200);
    }
}
