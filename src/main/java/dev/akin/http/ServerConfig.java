package dev.akin.http;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How the HTTP service runs.
 *
 * @param host address to bind, 127.0.0.1 unless the service should be reachable from elsewhere
 * @param port port to bind, 0 for any free port
 * @param writeToken bearer token that writes must present; null refuses every write (reads stay open)
 * @param corsOrigins origins allowed to call from a browser; empty turns CORS off
 * @param maxBodyBytes the largest request body accepted
 * @param inferenceSlots requests that may be in inference at once (running, or queued to be batched together)
 * @param inferenceWait how long a request may wait for a slot before it gets 503
 * @param corpus the files and folders that POST /api/reindex reads; empty: no reindex over HTTP
 * @param idleTimeout how long a connection may send nothing (mid-request, or between requests) before it is closed
 */
public record ServerConfig(String host, int port, String writeToken, List<String> corsOrigins, long maxBodyBytes,
                           int inferenceSlots, Duration inferenceWait, List<Path> corpus, Duration idleTimeout) {
    /** Checks the port, the body limit and the inference capacity. */
    public ServerConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in 0..65535, got " + port);
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("max body size must be at least 1024 bytes, got " + maxBodyBytes);
        }
        if (inferenceSlots < 1) {
            throw new IllegalArgumentException("inference slots must be >= 1, got " + inferenceSlots);
        }
        if (idleTimeout == null || idleTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("idle timeout must be at least 1 ms, got " + idleTimeout);
        }
        corsOrigins = List.copyOf(corsOrigins);
        corpus = List.copyOf(corpus);
        writeToken = writeToken == null || writeToken.isBlank() ? null : writeToken.strip();
    }

    /**
     * Loopback, port 7070, no write token, CORS off, 10 MB bodies, 8 requests in inference per core (enough to
     * fill the query batches), 2 s waiting for a slot, no corpus to reindex, connections closed after 30 s of
     * silence.
     */
    public static ServerConfig defaults() {
        return new ServerConfig("127.0.0.1", 7070, null, List.of(), 10_000_000,
                8 * Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(2), List.of(), Duration.ofSeconds(30));
    }

    /** A copy listening on another host and port. */
    public ServerConfig at(String newHost, int newPort) {
        return new ServerConfig(newHost, newPort, writeToken, corsOrigins, maxBodyBytes, inferenceSlots, inferenceWait, corpus, idleTimeout);
    }

    /** A copy with another write token (null: writes refused). */
    public ServerConfig withWriteToken(String token) {
        return new ServerConfig(host, port, token, corsOrigins, maxBodyBytes, inferenceSlots, inferenceWait, corpus, idleTimeout);
    }

    /** A copy allowing these browser origins. */
    public ServerConfig withCorsOrigins(List<String> origins) {
        return new ServerConfig(host, port, writeToken, origins, maxBodyBytes, inferenceSlots, inferenceWait, corpus, idleTimeout);
    }

    /** A copy with another body limit. */
    public ServerConfig withMaxBodyBytes(long bytes) {
        return new ServerConfig(host, port, writeToken, corsOrigins, bytes, inferenceSlots, inferenceWait, corpus, idleTimeout);
    }

    /**
     * Jetty worker threads: enough to keep every inference slot busy while other requests are parsed and answered,
     * few enough that they don't fight over the cores (Jetty also needs a few for its selectors).
     */
    int workerThreads() {
        return Math.max(16, inferenceSlots + 8);
    }

    /** A copy whose POST /api/reindex reads these files and folders. */
    public ServerConfig withCorpus(List<Path> paths) {
        return new ServerConfig(host, port, writeToken, corsOrigins, maxBodyBytes, inferenceSlots, inferenceWait,
                paths, idleTimeout);
    }

    /** A copy closing connections after another silence. */
    public ServerConfig withIdleTimeout(Duration timeout) {
        return new ServerConfig(host, port, writeToken, corsOrigins, maxBodyBytes, inferenceSlots, inferenceWait,
                corpus, timeout);
    }

    /** A copy with another inference capacity. */
    public ServerConfig withInference(int slots, Duration wait) {
        return new ServerConfig(host, port, writeToken, corsOrigins, maxBodyBytes, slots, wait, corpus, idleTimeout);
    }
}
