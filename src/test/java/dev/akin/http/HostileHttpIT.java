package dev.akin.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.akin.TestModels;
import dev.akin.search.Akin;
import dev.akin.search.AkinConfig;
import dev.akin.search.IndexOptions;
import dev.akin.search.IndexProgress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile requests: every answer is a 4xx/503 problem+json or a correct result, nothing internal leaks, and the
 * server stays healthy afterwards.
 */
class HostileHttpIT {
    static final String ANTIDOTE = "antidote-post-fine-tuning-safety-alignment-for-large-language-models-against-harmful"
            + "-fine-tuning";

    @TempDir
    static Path dir;
    static Akin akin;
    static AkinServer server;
    static int port;

    @BeforeAll
    static void start() {
        akin = Akin.open(AkinConfig.at(dir.resolve("index"), TestModels.dir()));
        akin.index(List.of(TestModels.sampleData()), IndexOptions.defaults(), IndexProgress.NONE);
        server = new AkinServer(akin, ServerConfig.defaults().at("127.0.0.1", 0).withWriteToken("t")).start();
        port = server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
        akin.close();
    }

    /** Sends raw bytes, so that nothing client-side sanitizes them; returns the status line and the body. */
    static String[] raw(byte[] request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (java.net.SocketException e) {
                // the server answered (e.g. 413 from Content-Length alone) and closed before reading it all
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            String text = response.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            return new String[] {text.lines().findFirst().orElse(""), split < 0 ? "" : text.substring(split + 4)};
        } catch (IOException e) {
            throw new UncheckedIOException("127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    static String[] get(String target) {
        return raw(("GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
    }

    static String[] post(String target, byte[] body) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(("POST " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close"
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        request.writeBytes(body);
        return raw(request.toByteArray());
    }

    static void assertRefusedCleanly(String[] reply, String... statuses) {
        assertThat(reply[0]).as(reply[1]).containsAnyOf(statuses);
        assertThat(reply[1]).doesNotContain("Exception", "\tat ", "dev.akin.", "/work/", ".java");
    }

    @Test
    void queryAndIdAbuseGetsA400OrAnHonestAnswer() {
        assertRefusedCleanly(get("/api/papers/" + ANTIDOTE + "/similar?k=99999999999"), " 400 ");
        assertRefusedCleanly(get("/api/papers/" + ANTIDOTE + "/similar?k=-1"), " 400 ");
        assertRefusedCleanly(get("/api/search?q=%00%01%02"), " 200 ", " 400 ");
        assertRefusedCleanly(get("/api/papers/a%00b"), " 400 ");
        assertRefusedCleanly(get("/api/papers/..%2F..%2Fetc%2Fpasswd"), " 400 ", " 404 ");
        assertRefusedCleanly(get("/api/papers/../../etc/passwd"), " 400 ", " 404 ");
        assertRefusedCleanly(get("/api/papers/%E2%80%AE%F0%9F%98%80"), " 400 ", " 404 ");
        assertRefusedCleanly(get("/api/search?q=%FF%FE%FD"), " 200 ", " 400 ");
        // Lucene query syntax is just text to akin: it is embedded, never parsed.
        String[] syntax = get("/api/search?q=" + "title%3A(foo%20OR%20bar)~2%5E3%20*%3F%5C");
        assertRefusedCleanly(syntax, " 200 ");
        assertThat(TestHttp.parse(syntax[1]).get("results")).hasSize(10);
    }

    @Test
    void bodyAbuseGetsA4xx() {
        assertRefusedCleanly(post("/api/recommend", "{\"liked\":[\"a\"]}".getBytes(StandardCharsets.UTF_8)
                .clone()), " 404 ");
        byte[] invalidUtf8 = {'{', '"', 'l', 'i', 'k', 'e', 'd', '"', ':', '[', '"', (byte) 0xC3, (byte) 0x28, '"',
            ']', '}'};
        assertRefusedCleanly(post("/api/recommend", invalidUtf8), " 400 ");
        assertRefusedCleanly(post("/api/recommend", ("{\"liked\":" + "[".repeat(100_000)).getBytes()), " 400 ");
        assertRefusedCleanly(post("/api/recommend", "{\"liked\":[\"\u0001\u0002\"]}".getBytes(StandardCharsets.UTF_8)),
                " 400 ");
        assertRefusedCleanly(post("/api/embed", ("{\"texts\":[" + "\"x\",".repeat(300) + "\"x\"]}").getBytes()),
                " 400 ");
        assertRefusedCleanly(post("/api/recommend", new byte[] {0, 1, 2, 3}), " 400 ");
    }

    @Test
    void repeatedOversizedBodiesLeaveTheHeapWhereItWas() throws InterruptedException {
        byte[] big = new byte[12_000_000]; // over the 10 MB limit
        java.util.Arrays.fill(big, (byte) ' ');
        assertRefusedCleanly(post("/api/embed", big), " 413 ");
        long before = usedHeapAfterGc();
        for (int i = 0; i < 20; i++) {
            assertRefusedCleanly(post("/api/embed", big), " 413 ");
            assertRefusedCleanly(post("/api/recommend", ("{\"liked\":[" + "\"a\",".repeat(500_000) + "\"b\"]}")
                    .getBytes(StandardCharsets.UTF_8)), " 400 ");
        }
        // 40 requests of 12 MB went through; a leak of even one body per request would show as ~240 MB.
        assertThat(usedHeapAfterGc() - before).isLessThan(64L << 20);
        assertThat(get("/health")[0]).contains(" 200 ");
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Test
    void hundredsOfConcurrentConnectionsGetAnswersAndTheServerStaysHealthy()
            throws InterruptedException, ExecutionException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<Future<Integer>> statuses = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 300; i++) {
                String path = i % 3 == 0 ? "/api/search?q=diffusion+" + i : "/api/papers/" + ANTIDOTE + "/similar?k=5";
                statuses.add(pool.submit(() -> client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode()));
            }
            for (Future<Integer> f : statuses) {
                assertThat(f.get()).isIn(200, 503);
            }
        }
        assertThat(get("/health")[0]).contains(" 200 ");
    }

    @Test
    void silentAndTricklingClientsAreCutOffWhileOthersAreServed() throws IOException, InterruptedException {
        ServerConfig strict = ServerConfig.defaults().at("127.0.0.1", 0).withIdleTimeout(Duration.ofSeconds(2));
        try (AkinServer slow = new AkinServer(akin, strict).start()) {
            List<Socket> stalled = new ArrayList<>();
            try {
                // 30 connections stop mid-headers (no worker thread held) and 12 mid-body (a worker each, blocked
                // reading the body: fewer than the pool has, so others still get served).
                for (int i = 0; i < 42; i++) {
                    Socket socket = new Socket("127.0.0.1", slow.port());
                    socket.setSoTimeout(15_000);
                    String partial = i < 30 ? "GET /api/papers/" + ANTIDOTE + " HTTP/1.1\r\nHost: x\r\nX-Slow: "
                            : "POST /api/recommend HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 1000\r\n\r\n{\"liked\":[";
                    socket.getOutputStream().write(partial.getBytes(StandardCharsets.ISO_8859_1));
                    socket.getOutputStream().flush();
                    stalled.add(socket);
                }
                long start = System.nanoTime();
                var answer = TestHttp.send(TestHttp.root(slow), "GET", "/api/papers/" + ANTIDOTE
                        + "/similar?k=5", null);
                assertThat(answer.status()).isEqualTo(200);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as("served while 42 clients stall")
                        .isLessThan(Duration.ofSeconds(2));
                for (Socket socket : stalled) {
                    long silentSince = System.nanoTime();
                    socket.getInputStream().readAllBytes(); // returns at the server's close; throws on our timeout
                    assertThat(Duration.ofNanos(System.nanoTime() - silentSince)).isLessThan(Duration.ofSeconds(10));
                }
            } finally {
                for (Socket socket : stalled) {
                    socket.close();
                }
            }
            // A body trickling in at 5 bytes/s would take 200 s: the minimum data rate ends it long before.
            try (Socket trickle = new Socket("127.0.0.1", slow.port())) {
                trickle.setSoTimeout(30_000);
                OutputStream out = trickle.getOutputStream();
                out.write(("POST /api/embed HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 1000\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                long start = System.nanoTime();
                try {
                    for (int i = 0; i < 300 && trickle.getInputStream().available() == 0; i++) {
                        out.write(' ');
                        out.flush();
                        Thread.sleep(200);
                    }
                } catch (java.io.IOException closedByServer) {
                    // the server hung up while we were still writing: also a cut-off
                }
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as("trickle cut off")
                        .isLessThan(Duration.ofSeconds(30));
                String reply = new String(trickle.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(reply).startsWith("HTTP/1.1 408").contains("application/problem+json", "data rate")
                        .doesNotContain("Exception");
            }
            assertThat(TestHttp.send(TestHttp.root(slow), "GET", "/health", null).status())
                    .isEqualTo(200);
        }
    }

    @Test
    void aSmallBodyArrivingInTwoPartsIsAnsweredNotRefusedAsSlow() throws IOException, InterruptedException {
        // 31 bytes, the second half 400 ms after the first: a slow network, not an attack. Jetty's own rate
        // check (no grace) refused this with 408, and did so at random on a busy machine.
        try (Socket client = new Socket("127.0.0.1", port)) {
            client.setSoTimeout(30_000);
            OutputStream out = client.getOutputStream();
            byte[] body = "{\"texts\":[\"graph neural nets\"]}".getBytes(StandardCharsets.UTF_8);
            out.write(("POST /api/embed HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, 0, 10);
            out.flush();
            Thread.sleep(400);
            out.write(body, 10, body.length - 10);
            out.flush();
            String reply = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(reply).startsWith("HTTP/1.1 200").contains("\"vectors\"");
        }
    }
}
