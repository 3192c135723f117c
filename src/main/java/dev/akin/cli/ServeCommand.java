package dev.akin.cli;

import dev.akin.AkinException;
import dev.akin.http.AkinServer;
import dev.akin.http.ServerConfig;
import dev.akin.index.IndexStats;
import dev.akin.search.Akin;
import dev.akin.search.Ensemble;
import dev.akin.search.IndexOptions;
import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "serve", description = "Serve the index over HTTP, with a web page at /. Indexes the corpus (default:"
        + " the bundled sample) first when the index is empty. Writes, and POST /api/reindex of the corpus, need"
        + " AKIN_API_TOKEN.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    IndexOption index;

    @Mixin
    BuildOptions build;

    @Option(names = "--port", defaultValue = "7070", description = "Port (default: ${DEFAULT-VALUE}; 0: any free).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--cors-origin", paramLabel = "ORIGIN", description = "Allow browser calls from this origin"
            + " (repeatable; default: CORS off).")
    List<String> corsOrigins = new ArrayList<>();

    @Option(names = "--max-body-mb", defaultValue = "10", description = "Largest request body (default: ${DEFAULT-VALUE}).")
    int maxBodyMb;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "30", description = "Close a connection"
            + " that sends nothing for this long, mid-request or between requests (default: ${DEFAULT-VALUE}).")
    int idleTimeoutSeconds;

    @Option(names = "--token-file", paramLabel = "FILE", description = "Read the write token from this file instead"
            + " of the AKIN_API_TOKEN environment variable.")
    Path tokenFile;

    @Option(names = "--corpus", paramLabel = "PATH", description = "Files or folders indexed when the index is empty"
            + " and by POST /api/reindex (repeatable; default: the bundled sample corpus).")
    List<Path> corpus = new ArrayList<>();

    @Option(names = "--ensemble-with", paramLabel = "DIR", description = "Also offer text search over two models"
            + " (GET /api/search?mode=ensemble): DIR is an index of the same papers by another model (see akin search"
            + " --ensemble-with). Every write, and POST /api/reindex, then goes to both indexes.")
    Path ensembleWith;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        var config = build.serving(index.config());
        List<Path> sources = corpus.isEmpty() ? List.of(IndexOption.home("data")) : corpus;
        // Eight requests per concurrent inference keep its batches full; more would only queue.
        ServerConfig server = ServerConfig.defaults().at(host, port).withWriteToken(token()).withCorpus(sources)
                .withCorsOrigins(corsOrigins).withMaxBodyBytes(maxBodyMb * 1_000_000L)
                .withIdleTimeout(Duration.ofSeconds(idleTimeoutSeconds))
                .withInference(8 * config.embed().predictors(), Duration.ofSeconds(2));
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                stopped.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "akin-shutdown"));
        try (Akin akin = Akin.open(config);
             Akin second = ensembleWith == null ? null
                     : IndexOption.openSecond(spec.commandLine(), ensembleWith, config)) {
            akin.holdWriteLock();
            Ensemble ensemble = null;
            if (second != null) {
                second.holdWriteLock();
                ensemble = new Ensemble(akin, second, Ensemble.DEFAULT_WEIGHTS);
            }
            fillIfEmpty(akin, second, ensemble, sources);
            if (ensemble != null && !akin.stats().passages()) {
                throw new ParameterException(spec.commandLine(), "--ensemble-with: the first index (" + index.index
                        + ") keeps no sentence vectors, which the ensemble needs; rebuild it with akin index INPUTS"
                        + " --index " + index.index + " --passages");
            }
            // Load the model and compile the hot paths now, not on the first user's search.
            akin.embed(List.of("warm-up query about neural networks"));
            if (second != null) {
                second.embed(List.of("warm-up query about neural networks"));
            }
            try (AkinServer ignored = listen(new AkinServer(akin, ensemble, server))) {
                spec.commandLine().getErr().printf("akin: http://%s:%d/ (Ctrl-C stops)%n", host, ignored.port());
                spec.commandLine().getErr().flush();
                stop.await();
            }
        } finally {
            stopped.countDown();
        }
        return 0;
    }

    /**
     * Indexes the corpus when an index is empty, so the service has something to serve; and rewrites an index written
     * before lexical search in the current layout (stored vectors, no inference) so that hybrid search works.
     */
    private void fillIfEmpty(Akin akin, Akin second, Ensemble ensemble, List<Path> sources) {
        IndexStats stats = akin.stats();
        boolean empty = stats.papers() == 0 || second != null && second.stats().papers() == 0;
        var err = spec.commandLine().getErr();
        if (empty || !stats.lexical() && !corpus.isEmpty()) {
            err.println("akin: " + (empty ? "the index is empty" : "the index predates lexical search; upgrading it")
                    + "; indexing " + sources);
            try (Progress progress = Progress.start(err)) {
                if (ensemble == null) {
                    err.println(akin.index(sources, IndexOptions.defaults(), progress).summary());
                } else {
                    var reports = ensemble.index(sources, IndexOptions.defaults(), progress);
                    err.println("first index: " + reports.get(0).summary());
                    err.println("second index: " + reports.get(1).summary());
                }
            }
        } else if (!stats.lexical()) {
            err.println("akin: warning: the index predates lexical search; lexical and hybrid (the default for text"
                    + " search) fail until 'akin index <your inputs>' runs once (no inference), or start serve with"
                    + " --corpus <your inputs>");
        }
    }

    private String token() {
        if (tokenFile == null) {
            return System.getenv("AKIN_API_TOKEN");
        }
        String token;
        try {
            token = Files.readString(tokenFile).strip();
        } catch (NoSuchFileException e) {
            throw new AkinException("--token-file " + tokenFile + ": no such file", e);
        } catch (IOException e) {
            throw new AkinException("--token-file " + tokenFile + ": cannot read it: " + e, e);
        }
        // A blank token would quietly make the server read-only, which is not what naming a token file asks for.
        if (token.isEmpty()) {
            throw new AkinException("--token-file " + tokenFile + ": the file holds no token; put the write token"
                    + " in it, or leave out --token-file for a read-only server");
        }
        return token;
    }

    /** Starts the server; a taken port is the user's to fix, so it is named rather than reported as a crash. */
    private AkinServer listen(AkinServer server) {
        try {
            return server.start();
        } catch (JavalinBindException e) {
            throw new AkinException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }
}
