package dev.akin.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.akin.search.Akin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A real HTTP client for the server tests. Failures to reach the server are unchecked, so a test says what it
 * checks rather than which exceptions the client declares.
 */
final class TestHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestHttp() {
    }

    record Reply(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            return parse(body);
        }

        String contentType() {
            return raw.headers().firstValue("Content-Type").orElse("");
        }
    }

    /** A server under test with the index it serves, on a random port of 127.0.0.1; closing closes both. */
    record Served(Akin akin, AkinServer server) implements AutoCloseable {
        static Served start(Akin akin, ServerConfig config) {
            return new Served(akin, new AkinServer(akin, config.at("127.0.0.1", 0)).start());
        }

        Reply send(String method, String path, String body, String... headers) {
            return TestHttp.send(root(server), method, path, body, headers);
        }

        Reply get(String path) {
            return send("GET", path, null);
        }

        @Override
        public void close() {
            try {
                server.close();
            } finally {
                akin.close();
            }
        }
    }

    /** Where a server started on 127.0.0.1 answers. */
    static String root(AkinServer server) {
        return "http://127.0.0.1:" + server.port();
    }

    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body.substring(0, Math.min(200, body.length())), e);
        }
    }

    /**
     * @param root the server, e.g. http://127.0.0.1:8080
     * @param headers names and values, alternating
     */
    static Reply send(String root, String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + root + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + root + path + ": interrupted", e);
        }
    }

    static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** An RFC 9457 problem with this status, a detail containing {@code detailPart}, and nothing internal. */
    static void assertProblem(Reply reply, int status, String detailPart) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).containsIgnoringCase(detailPart);
        // Nothing internal leaks: no stack frames, exception classes or file paths.
        assertThat(reply.body()).doesNotContain("Exception", "\tat ", "dev.akin.", "/work/", ".java");
    }
}
