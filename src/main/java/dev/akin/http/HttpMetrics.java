package dev.akin.http;

import dev.akin.search.Akin;
import io.javalin.http.Context;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/** Prometheus metrics: requests and latency per route and status, inference time, index size. */
final class HttpMetrics {
    private static final double[] LATENCY_BOUNDS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5,
        1, 2.5, 5, 10};
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final Counter requests;
    private final Histogram latency;
    private final Histogram inference;

    HttpMetrics(Akin akin) {
        requests = Counter.builder().name("akin_http_requests").help("HTTP requests by route, method and status")
                .labelNames("route", "method", "status").register(registry);
        latency = Histogram.builder().name("akin_http_request_duration_seconds")
                .help("HTTP request latency by route, method and status").labelNames("route", "method", "status")
                .classicOnly().classicUpperBounds(LATENCY_BOUNDS).register(registry);
        inference = Histogram.builder().name("akin_inference_duration_seconds")
                .help("Time spent embedding request texts, by operation").labelNames("operation")
                .classicOnly().classicUpperBounds(LATENCY_BOUNDS).register(registry);
        GaugeWithCallback.builder().name("akin_index_papers").help("Papers in the index")
                .callback(cb -> cb.call(akin.stats().papers())).register(registry);
        GaugeWithCallback.builder().name("akin_index_bytes").help("Index size on disk in bytes")
                .callback(cb -> cb.call(akin.stats().bytes())).register(registry);
    }

    void request(Context ctx, float millis) {
        String route = route(ctx);
        String method = ctx.method().name();
        String status = Integer.toString(ctx.statusCode());
        requests.labelValues(route, method, status).inc();
        latency.labelValues(route, method, status).observe(millis / 1000.0);
    }

    <T> T timeInference(String operation, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            inference.labelValues(operation).observe((System.nanoTime() - start) / 1e9);
        }
    }

    String contentType() {
        return writer.getContentType();
    }

    byte[] scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write metrics", e);
        }
        return out.toByteArray();
    }

    /** The route template ("/api/papers/{id}"), never the raw path: ids must not explode the label set. */
    private static String route(Context ctx) {
        try {
            var endpoint = ctx.endpoint();
            return endpoint == null ? "unmatched" : endpoint.path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }
}
