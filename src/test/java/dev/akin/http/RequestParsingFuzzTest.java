package dev.akin.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.akin.TestModels;
import dev.akin.paper.Paper;
import dev.akin.search.Akin;
import dev.akin.search.AkinConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Arbitrary query strings and bodies against a real server over a socket: every answer is a correct result or a
 * 4xx/503 problem+json that leaks nothing, never a 500, and the server keeps serving. Bytes of parameter values
 * are percent-encoded, so values reach the parameter parsing with any content (control characters, invalid
 * UTF-8, Lucene syntax) inside an HTTP request that is itself well-formed.
 */
class RequestParsingFuzzTest {
    private static final String TOKEN = "fuzz-token";
    private static final List<String> TARGETS = List.of("/api/papers/a/similar", "/api/search", "/api/papers/b",
            "/api/recommend", "/api/papers", "/api/embed", "/api/reindex");
    private static final List<String> PARAMS = List.of("k", "q", "yearFrom", "yearTo", "category", "id", "");
    private static final Set<Integer> ANSWERS = Set.of(200, 202, 204, 400, 401, 403, 404, 405, 409, 413, 503);
    private static Path dir;
    private static Akin akin;
    private static AkinServer server;

    @BeforeAll
    static void start() throws IOException {
        dir = Files.createTempDirectory("akin-fuzz");
        akin = Akin.open(AkinConfig.at(dir.resolve("index"), TestModels.dir()));
        akin.upsert(List.of(paper("a", "Graph neural networks for molecules"),
                paper("b", "Diffusion models for image synthesis"), paper("c", "Retrieval for question answering")));
        server = new AkinServer(akin, ServerConfig.defaults().at("127.0.0.1", 0).withWriteToken(TOKEN)
                .withMaxBodyBytes(64 * 1024)).start();
    }

    @AfterAll
    static void stop() {
        server.close();
        akin.close();
    }

    @FuzzTest(maxDuration = "15s")
    void anyParametersAndBodyGetAnAnswerOrA4xxNeverA500(FuzzedDataProvider data) throws IOException {
        String method = data.pickValue(List.of("GET", "POST", "PUT", "DELETE"));
        String target = data.pickValue(TARGETS);
        StringBuilder query = new StringBuilder();
        int params = data.consumeInt(0, 4);
        for (int i = 0; i < params; i++) {
            query.append(i == 0 ? '?' : '&').append(data.pickValue(PARAMS)).append('=')
                    .append(percentEncoded(data.consumeBytes(64)));
        }
        boolean authorized = data.consumeBoolean();
        byte[] body = data.consumeRemainingAsBytes();
        String head = method + " " + target + query + " HTTP/1.1\r\nHost: fuzz\r\nConnection: close\r\n"
                + (authorized ? "Authorization: Bearer " + TOKEN + "\r\n" : "")
                + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
        String reply = exchange(head.getBytes(StandardCharsets.ISO_8859_1), body);
        String status = reply.lines().findFirst().orElse("");
        assertThat(status).as("status line of %s %s%s", method, target, query).startsWith("HTTP/1.1 ");
        int code = Integer.parseInt(status.substring(9, 12));
        assertThat(ANSWERS).as("%s %s%s -> %s", method, target, query, reply).contains(code);
        if (code >= 400) {
            assertThat(reply).contains("application/problem+json")
                    .doesNotContain("Exception", "\tat ", "dev.akin.", dir.toString(), ".java");
        }
    }

    private static String exchange(byte[] head, byte[] body) throws IOException {
        // Jazzer's SSRF detector flags every connection the code under test opens; this one is the harness's own.
        try (SilentCloseable allowed = BugDetectors.allowNetworkConnections((host, port) -> port == server.port());
             Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(head);
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private static String percentEncoded(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            int c = b & 0xff;
            if (Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '.' || c == '_') {
                s.append((char) c);
            } else {
                s.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return s.toString();
    }

    private static Paper paper(String id, String title) {
        return new Paper(id, title, title + ": an abstract long enough to embed.", List.of(), null, null, null,
                List.of(), "fuzz");
    }
}
