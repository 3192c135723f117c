package dev.akin.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.akin.paper.InputException;
import dev.akin.search.Akin;
import dev.akin.search.Ensemble;
import dev.akin.search.IndexOptions;
import dev.akin.search.IndexProgress;
import dev.akin.search.IndexReport;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * /api/reindex: reindexes the server's own corpus in the background while queries and writes go on. The corpus is
 * fixed when the server starts, so a request can never name a file to read.
 */
final class ReindexApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReindexApi.class);
    private final Akin akin;
    private final Ensemble ensemble;
    private final List<Path> corpus;
    private final ObjectMapper json;
    private final WriteAuth auth;
    private final AtomicReference<ReindexStatus> status = new AtomicReference<>(ReindexStatus.IDLE);
    private volatile boolean closing;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("akin-reindex").daemon().factory());

    /** @param ensemble null, or the ensemble whose two indexes a reindex fills one after the other */
    ReindexApi(Akin akin, Ensemble ensemble, List<Path> corpus, ObjectMapper json, WriteAuth auth) {
        this.akin = akin;
        this.ensemble = ensemble;
        this.corpus = List.copyOf(corpus);
        this.json = json;
        this.auth = auth;
    }

    void start(Context ctx) {
        auth.check(ctx);
        Requests.allowOnly(ctx, Set.of());
        JsonNode body = ctx.bodyAsBytes().length == 0 ? json.createObjectNode() : Requests.body(ctx, json);
        if (!body.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object like {\"force\": true, \"prune\": false}");
        }
        Requests.onlyFields(body, Set.of("force", "prune"));
        IndexOptions options = IndexOptions.defaults().withForce(Requests.flag(body.get("force"), "force"))
                .withPrune(Requests.flag(body.get("prune"), "prune"));
        if (corpus.isEmpty()) {
            throw new ApiException(409, "Conflict", "this server has no corpus to reindex (akin serve --corpus PATH)");
        }
        ReindexStatus current = status.get();
        ReindexStatus started = ReindexStatus.started(options);
        if (current.running() || !status.compareAndSet(current, started)) {
            throw new ApiException(409, "Conflict", "a reindex is already running since " + status.get().startedAt());
        }
        runner.execute(() -> run(started, options));
        ctx.status(202).header("Location", "/api/reindex").json(started);
    }

    void status(Context ctx) {
        auth.check(ctx);
        Requests.allowOnly(ctx, Set.of());
        ctx.json(status.get());
    }

    private void run(ReindexStatus started, IndexOptions options) {
        try {
            IndexProgress progress = (done, total, embedded) -> {
                if (closing) {
                    // Stops the run between chunks; what it wrote since its last commit is dropped at close.
                    throw new CancellationException("the server is stopping");
                }
                status.set(status.get().progressed(done, total, embedded));
            };
            List<IndexReport> reports = ensemble == null ? List.of(akin.index(corpus, options, progress))
                    : ensemble.index(corpus, options, progress);
            status.set(status.get().finished(reports));
            LOG.info("reindex finished: {}", status.get().summary());
        } catch (CancellationException e) {
            status.set(status.get().failed("cancelled: the server stopped"));
        } catch (InputException e) {
            status.set(status.get().failed(e.getMessage()));
            LOG.warn("reindex failed: {}", e.getMessage(), e);
        } catch (RuntimeException e) {
            status.set(status.get().failed("the reindex failed; the server logs say why"));
            LOG.error("reindex failed", e);
        }
    }

    @Override
    public void close() {
        // No interrupt: an interrupted thread closes the file channels Lucene is writing through.
        closing = true;
        runner.shutdown();
        try {
            runner.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
