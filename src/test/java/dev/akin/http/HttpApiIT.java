package dev.akin.http;

import static dev.akin.http.TestHttp.assertProblem;
import static dev.akin.http.TestHttp.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.akin.TestModels;
import dev.akin.http.TestHttp.Reply;
import dev.akin.http.TestHttp.Served;
import dev.akin.search.Akin;
import dev.akin.search.AkinConfig;
import dev.akin.search.IndexOptions;
import dev.akin.search.IndexProgress;
import dev.akin.search.SearchOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP API's reads and its errors against a real server on a random port, the real model, a real index of the
 * sample corpus. Writes and server options: {@link HttpWritesIT}.
 */
class HttpApiIT {
    static final String ANTIDOTE = "antidote-post-fine-tuning-safety-alignment-for-large-language-models-against-harmful"
            + "-fine-tuning";
    static final String BOOSTER = "booster-tackling-harmful-fine-tuning-for-large-language-models-via-attenuating"
            + "-harmful-perturbation";

    @TempDir
    static Path dir;
    static Served api;

    @BeforeAll
    static void start() {
        Akin akin = Akin.open(AkinConfig.at(dir.resolve("index"), TestModels.dir()));
        akin.index(List.of(TestModels.sampleData()), IndexOptions.defaults(), IndexProgress.NONE);
        api = Served.start(akin, ServerConfig.defaults());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void healthSaysReadyWithPaperCountAndModel() {
        JsonNode health = api.get("/health").json();
        assertThat(health.get("status").asText()).isEqualTo("ready");
        assertThat(health.get("papers").asLong()).isGreaterThan(300);
        assertThat(health.get("model").get("name").asText()).isEqualTo(AkinConfig.DEFAULT_MODEL);
        assertThat(health.get("model").get("onnxSha256").asText()).hasSize(64);
    }

    @Test
    void paperAndSimilarPapers() {
        JsonNode paper = api.get("/api/papers/" + ANTIDOTE).json();
        assertThat(paper.get("title").asText()).startsWith("Antidote");
        assertThat(paper.get("abstract").asText()).isNotBlank();
        Reply similar = api.get("/api/papers/" + ANTIDOTE + "/similar?k=3");
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
    void searchRecommendAndEmbedAnswer() {
        JsonNode search = api.get("/api/search?q=" + q("safety alignment against harmful fine-tuning") + "&k=5").json();
        assertThat(search.get("results").findValuesAsText("id")).containsAnyOf(ANTIDOTE, BOOSTER);
        JsonNode rec = api.send("POST", "/api/recommend", "{\"liked\":[\"" + ANTIDOTE + "\"],\"unliked\":[],\"k\":2}")
                .json();
        assertThat(rec.get("results")).hasSize(2);
        assertThat(rec.get("results").get(0).get("id").asText()).isEqualTo(BOOSTER);
        JsonNode embed = api.send("POST", "/api/embed", "{\"texts\":[\"graph neural networks\",\"proteins\"]}").json();
        assertThat(embed.get("dimensions").asInt()).isEqualTo(384);
        assertThat(embed.get("vectors")).hasSize(2);
        assertThat(embed.get("vectors").get(0)).hasSize(384);
    }

    @Test
    void badParametersAre400WithAUsefulDetail() {
        String similar = "/api/papers/" + ANTIDOTE + "/similar";
        assertProblem(api.get(similar + "?k=0"), 400, "k must be in 1..1000");
        assertProblem(api.get(similar + "?k=1001"), 400, "got 1001");
        assertProblem(api.get(similar + "?k=ten"), 400, "'ten'");
        assertProblem(api.get(similar + "?yearFrom=abc"), 400, "yearFrom");
        assertProblem(api.get(similar + "?yearFrom=2020&yearTo=2010"), 400, "after yearTo");
        assertProblem(api.get(similar + "?category=no.such"), 400, "no.such");
        assertProblem(api.get(similar + "?year_from=2020"), 400, "year_from");
        assertProblem(api.get("/api/search"), 400, "q is required");
        assertProblem(api.get("/api/search?q=%20"), 400, "q is required");
        assertProblem(api.get("/api/search?q=" + "a".repeat(2001)), 400, "2001 characters");
        assertProblem(api.get("/api/papers/bad%0Aid"), 400, "not a paper id");
        assertProblem(api.get("/api/papers/" + "x".repeat(300)), 400, "not a paper id");
    }

    @Test
    void badBodiesAre400And413() {
        assertProblem(api.send("POST", "/api/recommend", "{\"liked\": [1"), 400, "malformed JSON at line 1");
        // One JSON value per body: whatever follows it is refused, not ignored.
        String liked = "{\"liked\":[\"" + ANTIDOTE + "\"]}";
        assertProblem(api.send("POST", "/api/recommend", liked + liked), 400, "trailing token");
        assertProblem(api.send("POST", "/api/recommend", liked + " and more"), 400, "malformed JSON");
        assertProblem(api.send("POST", "/api/embed", "{\"texts\":[\"x\"]}[]"), 400, "trailing token");
        assertProblem(api.send("POST", "/api/recommend", "{}"), 400, "liked is required");
        assertProblem(api.send("POST", "/api/recommend", "{\"liked\":[\"" + ANTIDOTE + "\"],\"kk\":3}"), 400, "kk");
        assertProblem(api.send("POST", "/api/recommend", ""), 400, "JSON body");
        assertProblem(api.send("POST", "/api/recommend", "[".repeat(500) + "]".repeat(500)), 400, "malformed JSON");
        assertProblem(api.send("POST", "/api/embed", "{\"texts\":[]}"), 400, "at least one text");
        // Unknown parameters and fields are refused by name, not ignored.
        assertProblem(api.send("POST", "/api/recommend?k=3", liked), 400, "unknown query parameter(s) [k]");
        assertProblem(api.send("POST", "/api/embed?normalize=false", "{\"texts\":[\"x\"]}"), 400, "[normalize]");
        assertProblem(api.send("POST", "/api/embed", "{\"texts\":[\"x\"],\"model\":\"bge\"}"), 400,
                "unknown field(s) [model]");
        assertProblem(api.send("POST", "/api/embed", "[\"x\"]"), 400, "{\"texts\"");
        assertProblem(api.send("POST", "/api/recommend", "{\"liked\":[\"no-such-paper\"]}"), 404, "no-such-paper");
        String big = "{\"texts\":[\"" + "a".repeat(10_500_000) + "\"]}";
        assertProblem(api.send("POST", "/api/embed", big), 413, "");
    }

    @Test
    void unknownRoutesAre404AndWrongMethodsAre405() {
        assertProblem(api.get("/api/nothing"), 404, "");
        assertProblem(api.get("/api/papers/no-such-paper"), 404, "no-such-paper");
        assertProblem(api.send("POST", "/api/search", ""), 405, "");
        assertProblem(api.send("DELETE", "/health", null), 405, "");
    }

    @Test
    void modeSelectsDenseLexicalOrHybridAndEachAnswerSaysWhich() {
        JsonNode lexical = api.get("/api/search?q=" + q("Antidote") + "&k=3&mode=lexical").json();
        assertThat(lexical.get("mode").asText()).isEqualTo("lexical");
        assertThat(lexical.get("results").get(0).get("id").asText()).isEqualTo(ANTIDOTE);
        JsonNode hybrid = api.get("/api/search?q=" + q("harmful fine-tuning attack defense") + "&k=5&mode=hybrid")
                .json();
        assertThat(hybrid.get("mode").asText()).isEqualTo("hybrid-rrf");
        assertThat(hybrid.get("results").findValuesAsText("id")).containsAnyOf(ANTIDOTE, BOOSTER);
        JsonNode similar = api.get("/api/papers/" + ANTIDOTE + "/similar?k=5&mode=hybrid-weighted:0.5&mmr=0.7").json();
        assertThat(similar.get("mode").asText()).isEqualTo("hybrid-weighted:0.5");
        assertThat(similar.get("results")).hasSize(5);
        assertThat(similar.get("results").findValuesAsText("id")).doesNotContain(ANTIDOTE).doesNotHaveDuplicates();
        JsonNode strict = api.get("/api/papers/" + ANTIDOTE + "/similar?k=50&minScore=0.6").json();
        assertThat(strict.get("results").size()).isBetween(1, 49);
        strict.get("results").forEach(h -> assertThat(h.get("score").asDouble()).isGreaterThanOrEqualTo(0.6));
        assertProblem(api.get("/api/search?q=x&mode=bm25"), 400, "'bm25'");
        // This index keeps no sentence vectors: the answer says how to get them.
        assertProblem(api.get("/api/papers/" + ANTIDOTE + "/similar?mode=passages"), 400, "akin index --passages");
        assertProblem(api.get("/api/search?q=x&minScore=high"), 400, "minScore");
        assertProblem(api.get("/api/papers/" + ANTIDOTE + "/similar?mmr=0"), 400, "lambda");
    }

    @Test
    void aFocusNarrowsSimilarToOneRespectAndIsChecked() {
        String similar = "/api/papers/" + ANTIDOTE + "/similar";
        JsonNode focused = api.get(similar + "?k=5&focus=" + q("defending aligned models against harmful fine-tuning")
                + "&mode=hybrid-weighted:0.7").json();
        assertThat(focused.get("mode").asText()).isEqualTo("hybrid-weighted:0.7");
        assertThat(focused.get("results").findValuesAsText("id")).hasSize(5).doesNotContain(ANTIDOTE)
                .contains(BOOSTER);
        assertProblem(api.get(similar + "?focus=" + q("   ")), 400, "focus must not be blank");
        assertProblem(api.get(similar + "?focus=" + "x".repeat(2001)), 400, "focus has 2001 characters");
        assertProblem(api.get(similar + "?focus=x&mode=passages"), 400, "akin index --passages");
    }

    @Test
    void explainSaysWhichSentencesAndTermsMatched() {
        JsonNode similar = api.get("/api/papers/" + ANTIDOTE + "/similar?k=3&explain=true").json();
        JsonNode why = similar.get("why").get(BOOSTER);
        assertThat(why).as(similar.toString()).isNotNull();
        assertThat(why.get("querySentence").asText()).isNotBlank();
        assertThat(why.get("paperSentence").asText()).isNotBlank();
        assertThat(why.get("sentenceScore").asDouble()).isBetween(0.3, 1.0);
        assertThat(why.get("sharedTerms").findValuesAsText("")).isEmpty();
        assertThat(why.get("sharedTerms").toString()).containsIgnoringCase("fine");
        assertThat(similar.get("why").size()).isEqualTo(3);
        JsonNode plain = api.get("/api/papers/" + ANTIDOTE + "/similar?k=3").json();
        assertThat(plain.has("why")).as("off by default").isFalse();
        // Each explained paper costs up to 24 sentence inferences: a large answer explains only its first papers.
        JsonNode large = api.get("/api/papers/" + ANTIDOTE + "/similar?k=50&explain=true").json();
        List<String> ids = large.get("results").findValuesAsText("id");
        assertThat(ids).hasSize(50);
        assertThat(large.get("why").fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(
                ids.subList(0, SearchOptions.MAX_EXPLAINED));
        assertProblem(api.get("/api/search?q=x&explain=maybe"), 400, "explain");
    }

    @Test
    void metricsOpenapiDocsAndPageAreServed() {
        api.get("/api/papers/" + ANTIDOTE + "/similar");
        api.get("/api/search?q=diffusion");
        Reply metrics = api.get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("akin_http_requests_total{method=\"GET\",route=\"/api/papers/{id}/similar\","
                + "status=\"200\"}", "akin_http_request_duration_seconds_bucket", "akin_inference_duration_seconds",
                "akin_index_papers", "akin_index_bytes");
        JsonNode openapi = api.get("/openapi.json").json();
        assertThat(openapi.get("paths").fieldNames()).toIterable().contains("/api/papers/{id}",
                "/api/papers/{id}/similar", "/api/search", "/api/recommend", "/api/embed", "/api/papers", "/health",
                "/metrics", "/openapi.json", "/docs", "/api/reindex");
        assertThat(api.get("/docs").body()).contains("openapi.json");
        assertThat(api.get("/").body()).contains("<form id=\"search\"");
        assertThat(api.get("/health").status()).as("still serving after all the errors above").isEqualTo(200);
    }
}
