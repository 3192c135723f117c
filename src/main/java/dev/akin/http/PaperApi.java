package dev.akin.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.akin.paper.InputException;
import dev.akin.paper.Paper;
import dev.akin.paper.RecordFields;
import dev.akin.search.Akin;
import dev.akin.search.Ensemble;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** /api/papers: read a paper, its similar papers, and (with the token) upsert and delete. */
final class PaperApi {
    private static final int MAX_UPSERT = 1000;
    private final Akin akin;
    private final Ensemble ensemble;
    private final ObjectMapper json;
    private final WriteAuth auth;
    private final InferenceGate gate;
    private final HttpMetrics metrics;

    /** @param ensemble null, or the ensemble whose two indexes every write goes to */
    PaperApi(Akin akin, Ensemble ensemble, ObjectMapper json, WriteAuth auth, InferenceGate gate,
             HttpMetrics metrics) {
        this.akin = akin;
        this.ensemble = ensemble;
        this.json = json;
        this.auth = auth;
        this.gate = gate;
        this.metrics = metrics;
    }

    void get(Context ctx) {
        Requests.allowOnly(ctx, Set.of());
        ctx.json(akin.paper(Requests.id(ctx.pathParam("id"), "id")));
    }

    void similar(Context ctx) {
        Requests.allowOnly(ctx, Set.of("k", "yearFrom", "yearTo", "category", "mode", "minScore", "mmr", "explain",
                "focus"));
        String id = Requests.id(ctx.pathParam("id"), "id");
        String rawFocus = ctx.queryParam("focus");
        String focus = rawFocus == null ? null : Requests.text(rawFocus, "focus");
        if (Ensemble.MODE.equals(ctx.queryParam("mode"))) {
            throw ApiException.badRequest("mode=ensemble is for text search (GET /api/search); similar papers take"
                    + " dense, lexical, hybrid-rrf, hybrid-weighted[:W], passages[:W] or hybrid-passages[:W]");
        }
        var ranking = Requests.ranking(ctx);
        int k = Requests.k(ctx.queryParam("k"));
        var filter = Requests.filter(ctx, akin);
        if (focus == null && !ranking.explain()) {
            ctx.json(akin.similar(id, k, filter, ranking));
            return;
        }
        // A focus or an explanation embeds text: it takes an inference slot like a search does.
        String op = focus != null ? "similar-focus" : "explain";
        ctx.json(gate.run(() -> metrics.timeInference(op, () -> akin.similar(id, focus, k, filter, ranking))));
    }

    void upsert(Context ctx) {
        auth.check(ctx);
        Requests.allowOnly(ctx, Set.of());
        JsonNode body = Requests.body(ctx, json);
        if (!body.isArray()) {
            throw ApiException.badRequest("the body must be a JSON array of papers");
        }
        if (body.size() > MAX_UPSERT) {
            throw ApiException.badRequest("at most " + MAX_UPSERT + " papers per request, got " + body.size());
        }
        List<Paper> papers = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            try {
                Paper paper = RecordFields.paper(body.get(i), "papers[" + i + "]");
                Requests.id(paper.id(), "papers[" + i + "].id");
                papers.add(paper);
            } catch (InputException | IllegalArgumentException e) {
                throw ApiException.badRequest(e.getMessage());
            }
        }
        int upserted = gate.run(() -> metrics.timeInference("upsert",
                () -> ensemble == null ? akin.upsert(papers) : ensemble.upsert(papers)));
        ctx.json(Map.of("upserted", upserted, "papers", akin.stats().papers()));
    }

    void delete(Context ctx) {
        auth.check(ctx);
        Requests.allowOnly(ctx, Set.of());
        String id = Requests.id(ctx.pathParam("id"), "id");
        if ((ensemble == null ? akin.delete(List.of(id)) : ensemble.delete(List.of(id))) == 0) {
            throw new dev.akin.search.PaperNotFoundException(id);
        }
        ctx.status(204);
    }
}
