package dev.akin.http;

import dev.akin.index.IndexStats;
import dev.akin.search.Akin;
import dev.akin.search.Ensemble;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Health, metrics, and the API's description. */
final class OpsApi {
    private final Akin akin;
    private final Ensemble ensemble;
    private final HttpMetrics metrics;
    private final byte[] openapi = resource("/openapi.json");
    private final byte[] docs = resource("/docs.html");

    OpsApi(Akin akin, Ensemble ensemble, HttpMetrics metrics) {
        this.akin = akin;
        this.ensemble = ensemble;
        this.metrics = metrics;
    }

    void health(Context ctx) {
        IndexStats stats = akin.stats();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ready");
        body.put("papers", stats.papers());
        body.put("model", stats.model());
        body.put("format", stats.settings().format().toString());
        // Tells clients (the web page) whether mode=ensemble is on offer.
        body.put("ensemble", ensemble == null ? null : ensemble.modelName());
        ctx.json(body);
    }

    void metrics(Context ctx) {
        ctx.contentType(metrics.contentType()).result(metrics.scrape());
    }

    void openapi(Context ctx) {
        ctx.contentType("application/json").result(openapi);
    }

    void docs(Context ctx) {
        ctx.contentType("text/html; charset=utf-8").result(docs);
    }

    private static byte[] resource(String name) {
        try (InputStream in = OpsApi.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }
}
