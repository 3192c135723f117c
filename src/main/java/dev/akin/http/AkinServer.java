package dev.akin.http;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.akin.AkinException;
import dev.akin.index.OutdatedIndexException;
import dev.akin.search.Akin;
import dev.akin.search.Ensemble;
import dev.akin.search.PaperNotFoundException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import jakarta.servlet.DispatcherType;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP service: a thin adapter over {@link Akin}. Routes and error mapping are here; search logic is not.
 * Errors become {@code application/problem+json} at this edge and nowhere else.
 */
public final class AkinServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AkinServer.class);
    /** Bytes per second below which a request body is abandoned: far below any real client, far above a trickle. */
    static final long MIN_BODY_RATE = 1024;
    /** How long a body may take before its rate is judged at all. */
    static final Duration BODY_RATE_GRACE = Duration.ofSeconds(5);
    private final Javalin app;
    private final ServerConfig config;
    private final ReindexApi reindex;

    /**
     * Configures (without starting) a server over an open {@link Akin}, which the caller keeps and closes.
     *
     * @param akin the engine to serve
     * @param config host, port, token and limits
     */
    public AkinServer(Akin akin, ServerConfig config) {
        this(akin, null, config);
    }

    /**
     * As above, with text search also over two models ({@code mode=ensemble}) and every write going to both
     * indexes.
     *
     * @param ensemble {@code akin} with a second model's engine over the same papers; null for none
     */
    public AkinServer(Akin akin, Ensemble ensemble, ServerConfig config) {
        this.config = config;
        // A body with something after its JSON value ([...][...]) is refused, not read up to the first value.
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        // Hostile bodies: deep nesting must fail fast, not exhaust the stack.
        json.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
        HttpMetrics metrics = new HttpMetrics(akin);
        InferenceGate gate = new InferenceGate(config.inferenceSlots(), config.inferenceWait());
        WriteAuth auth = new WriteAuth(config.writeToken());
        PaperApi papers = new PaperApi(akin, ensemble, json, auth, gate, metrics);
        ReindexApi reindexer = new ReindexApi(akin, ensemble, config.corpus(), json, auth);
        this.reindex = reindexer;
        QueryApi queries = new QueryApi(akin, ensemble, json, gate, metrics);
        OpsApi ops = new OpsApi(akin, ensemble, metrics);
        this.app = Javalin.create(c -> {
            c.jsonMapper(new JavalinJackson(json, false));
            c.jetty.addConnector((jetty, http) -> {
                // Slow clients: a connection that goes silent, mid-request or between requests, is closed after the
                // idle timeout; a body trickling in under MIN_BODY_RATE fails (BodyRateGuard). Either way its
                // worker thread is freed.
                http.setIdleTimeout(config.idleTimeout().toMillis());
                ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
                connector.setHost(config.host());
                connector.setPort(config.port());
                connector.setIdleTimeout(config.idleTimeout().toMillis());
                return connector;
            });
            // Few workers, FIFO queue: 64 connections on 2 cores are served in arrival order instead of 64
            // threads fighting over the cores, which is what makes a long latency tail.
            c.jetty.modifyServletContextHandler(context -> context.addFilter(
                    new BodyRateGuard(MIN_BODY_RATE, BODY_RATE_GRACE), "/*", EnumSet.of(DispatcherType.REQUEST)));
            c.jetty.threadPool = new QueuedThreadPool(config.workerThreads(), Math.min(4, config.workerThreads()));
            c.http.maxRequestSize = config.maxBodyBytes();
            c.http.prefer405over404 = true;
            c.startup.showJavalinBanner = false;
            c.staticFiles.add(s -> {
                s.hostedPath = "/";
                s.directory = "/web";
                s.location = Location.CLASSPATH;
            });
            if (!config.corsOrigins().isEmpty()) {
                c.bundledPlugins.enableCors(cors -> cors.addRule(rule -> config.corsOrigins().forEach(rule::allowHost)));
            }
            c.requestLogger.http(metrics::request);
            c.routes.get("/api/papers/{id}", papers::get);
            c.routes.get("/api/papers/{id}/similar", papers::similar);
            c.routes.put("/api/papers", papers::upsert);
            c.routes.delete("/api/papers/{id}", papers::delete);
            c.routes.get("/api/search", queries::search);
            c.routes.post("/api/recommend", queries::recommend);
            c.routes.post("/api/embed", queries::embed);
            c.routes.post("/api/reindex", reindexer::start);
            c.routes.get("/api/reindex", reindexer::status);
            c.routes.get("/health", ops::health);
            c.routes.get("/metrics", ops::metrics);
            c.routes.get("/openapi.json", ops::openapi);
            c.routes.get("/docs", ops::docs);
            c.routes.exception(ApiException.class, (e, ctx) -> problem(ctx, e.status(), e.title(), e.getMessage()));
            c.routes.exception(PaperNotFoundException.class, (e, ctx) -> problem(ctx, 404, "Not Found",
                    e.getMessage()));
            c.routes.exception(IllegalArgumentException.class, (e, ctx) -> problem(ctx, 400, "Bad Request",
                    e.getMessage()));
            // Not a 503: retrying cannot help, indexing once does, and the message says how.
            c.routes.exception(OutdatedIndexException.class, (e, ctx) -> problem(ctx, 409, "Conflict",
                    e.getMessage()));
            c.routes.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, e.getStatus(),
                    reason(e.getStatus()), e.getMessage()));
            // Jetty's own refusals, and BodyRateGuard's 408 for a body arriving under the minimum data rate.
            c.routes.exception(BadMessageException.class, (e, ctx) -> problem(ctx, e.getCode(), reason(e.getCode()),
                    "the request was refused: " + e.getReason()));
            c.routes.exception(AkinException.class, (e, ctx) -> {
                LOG.warn("{} {} failed: {}", ctx.method(), ctx.path(), e.getMessage(), e);
                problem(ctx, 503, "Service Unavailable", "the index or model failed; the server logs say why");
            });
            c.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                problem(ctx, 500, "Internal Server Error", "unexpected error; the server logs say why");
            });
        });
    }

    /** Starts listening; returns this. */
    public AkinServer start() {
        app.start();
        LOG.info("akin serving on http://{}:{}/ (writes {})", config.host(), port(),
                config.writeToken() == null ? "disabled: no AKIN_API_TOKEN" : "need the bearer token");
        return this;
    }

    /** The port listened on (the chosen one when configured as 0). */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            reindex.close();
        }
    }

    private static void problem(Context ctx, int status, String title, String detail) {
        ctx.status(status);
        if (status == 503) {
            ctx.header("Retry-After", "1");
        }
        ctx.json(Problem.of(status, title, detail, ctx.path()));
        // After json(), which sets its own application/json.
        ctx.contentType(Problem.CONTENT_TYPE);
    }

    private static String reason(int status) {
        return Map.of(400, "Bad Request", 401, "Unauthorized", 403, "Forbidden", 404, "Not Found",
                405, "Method Not Allowed", 408, "Request Timeout", 409, "Conflict", 413, "Content Too Large", 503, "Service Unavailable")
                .getOrDefault(status, "Error");
    }
}
