package dev.akin.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.akin.search.Akin;
import dev.akin.search.Ensemble;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Text search, recommendations, and raw embeddings. */
final class QueryApi {
    private static final int MAX_EMBED_TEXTS = 256;
    private static final int MAX_EMBED_CHARS = 20_000;
    private static final Set<String> RECOMMEND_FIELDS = Set.of("liked", "unliked", "k", "yearFrom", "yearTo",
            "category");
    private final Akin akin;
    private final Ensemble ensemble;
    private final ObjectMapper json;
    private final InferenceGate gate;
    private final HttpMetrics metrics;

    QueryApi(Akin akin, Ensemble ensemble, ObjectMapper json, InferenceGate gate, HttpMetrics metrics) {
        this.akin = akin;
        this.ensemble = ensemble;
        this.json = json;
        this.gate = gate;
        this.metrics = metrics;
    }

    void search(Context ctx) {
        Requests.allowOnly(ctx, Set.of("q", "k", "yearFrom", "yearTo", "category", "mode", "minScore", "mmr", "explain"));
        String q = Requests.query(ctx.queryParam("q"));
        if (Ensemble.MODE.equals(ctx.queryParam("mode"))) {
            ensembleSearch(ctx, q);
            return;
        }
        var ranking = Requests.ranking(ctx);
        int k = Requests.k(ctx.queryParam("k"));
        var filter = Requests.filter(ctx, akin);
        ctx.json(gate.run(() -> metrics.timeInference("search", () -> akin.search(q, k, filter, ranking))));
    }

    private void ensembleSearch(Context ctx, String q) {
        if (ensemble == null) {
            throw new ApiException(409, "Conflict", "mode=ensemble needs a second model's index: start the server"
                    + " with akin serve --ensemble-with DIR");
        }
        for (String option : List.of("minScore", "mmr", "explain")) {
            if (ctx.queryParam(option) != null) {
                throw ApiException.badRequest("mode=ensemble fuses its own four lists: leave out " + option);
            }
        }
        int k = Requests.k(ctx.queryParam("k"));
        if (k > Ensemble.DEPTH) {
            throw ApiException.badRequest("k must be in 1.." + Ensemble.DEPTH + " with mode=ensemble, got " + k);
        }
        var filter = Requests.filter(ctx, akin);
        ctx.json(gate.run(() -> metrics.timeInference("search-ensemble", () -> ensemble.search(q, k, filter))));
    }

    void recommend(Context ctx) {
        Requests.allowOnly(ctx, Set.of());
        JsonNode body = Requests.body(ctx, json);
        if (!body.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object with 'liked' (and optionally 'unliked')");
        }
        Requests.onlyFields(body, RECOMMEND_FIELDS);
        List<String> liked = Requests.ids(body.get("liked"), "liked", true);
        List<String> unliked = Requests.ids(body.get("unliked"), "unliked", false);
        int k = Requests.k(Requests.text(body.get("k")));
        var filter = Requests.filter(Requests.text(body.get("yearFrom")), Requests.text(body.get("yearTo")),
                Requests.text(body.get("category")), akin);
        ctx.json(akin.recommend(liked, unliked, k, filter));
    }

    void embed(Context ctx) {
        Requests.allowOnly(ctx, Set.of());
        JsonNode body = Requests.body(ctx, json);
        if (body.isObject()) {
            Requests.onlyFields(body, Set.of("texts"));
        }
        // Any other body has no "texts": refused below.
        JsonNode texts = body.get("texts");
        if (texts == null || !texts.isArray() || texts.isEmpty()) {
            throw ApiException.badRequest("the body must be {\"texts\": [\"...\", ...]} with at least one text");
        }
        if (texts.size() > MAX_EMBED_TEXTS) {
            throw ApiException.badRequest("at most " + MAX_EMBED_TEXTS + " texts per request, got " + texts.size());
        }
        List<String> list = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            JsonNode t = texts.get(i);
            if (!t.isTextual() || t.asText().isBlank() || t.asText().length() > MAX_EMBED_CHARS) {
                throw ApiException.badRequest("texts[" + i + "] must be a non-empty string of at most "
                        + MAX_EMBED_CHARS + " characters");
            }
            list.add(t.asText());
        }
        List<float[]> vectors = gate.run(() -> metrics.timeInference("embed", () -> akin.embed(list)));
        ctx.json(Map.of("model", akin.modelName(), "dimensions", vectors.getFirst().length, "vectors", vectors));
    }
}
