package dev.akin.http;

import static dev.akin.http.TestHttp.q;
import static dev.akin.http.TestHttp.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.akin.ChildJvm;
import dev.akin.TestModels;
import dev.akin.http.TestHttp.Reply;
import dev.akin.index.Filter;
import dev.akin.index.Hit;
import dev.akin.search.Akin;
import dev.akin.search.AkinConfig;
import dev.akin.search.IndexOptions;
import dev.akin.search.IndexProgress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server keeps answering, correctly, while a full reindex of its corpus and a stream of upserts and deletes run
 * against the same index, and a second process that tries to write is told who holds the lock.
 */
class ServeDuringReindexIT {
    private static final String TOKEN = "reindex-token";
    private static final String AUTH = "Bearer " + TOKEN;

    @TempDir
    Path dir;

    private final Queue<String> failures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger answeredWhileReindexing = new AtomicInteger();
    private final AtomicBoolean reindexing = new AtomicBoolean();

    @Test
    void fullReindexWithConcurrentQueriesUpsertsAndDeletesFailsNothingAndLosesNothing()
            throws IOException, InterruptedException, ExecutionException, TimeoutException {
        Path index = dir.resolve("index");
        try (Akin akin = Akin.open(AkinConfig.at(index, TestModels.dir()))) {
            akin.holdWriteLock();
            akin.index(List.of(TestModels.sampleData()), IndexOptions.defaults(), IndexProgress.NONE);
            long corpusPapers = akin.stats().papers();
            // Ground truth from the library: every paper's title, and which ids queries may ask about.
            Map<String, String> titles = new HashMap<>();
            for (Hit hit : akin.search("language models", 1000, Filter.NONE).results()) {
                titles.put(hit.id(), hit.title());
            }
            List<String> ids = List.copyOf(titles.keySet());
            ServerConfig config = ServerConfig.defaults().at("127.0.0.1", 0).withWriteToken(TOKEN)
                    .withCorpus(List.of(TestModels.sampleData()));
            try (AkinServer server = new AkinServer(akin, config).start()) {
                String base = TestHttp.root(server);
                AtomicBoolean stop = new AtomicBoolean();
                ExecutorService pool = Executors.newFixedThreadPool(4);
                List<Future<?>> traffic = new ArrayList<>();
                for (int reader = 0; reader < 2; reader++) {
                    long seed = reader;
                    traffic.add(pool.submit(() -> readUntil(stop, base, ids, titles, new Random(seed))));
                }
                Set<String> extras = new HashSet<>();
                traffic.add(pool.submit(() -> writeUntil(stop, base, extras)));

                Reply started = send(base, "POST", "/api/reindex", "{\"force\":true}",
                        "Authorization", AUTH, "Content-Type", "application/json");
                assertThat(started.status()).as(started.body()).isEqualTo(202);
                reindexing.set(true);
                Reply again = send(base, "POST", "/api/reindex", "{}", "Authorization", AUTH);
                assertThat(again.status()).as("a second reindex while one runs").isEqualTo(409);

                ProcessBuilder second = ChildJvm.akin(dir, false, "index", TestModels.sampleData().toAbsolutePath()
                        .toString(), "--index", index.toString());
                Process secondWriter = second.start();
                assertThat(secondWriter.waitFor(2, TimeUnit.MINUTES)).isTrue();
                assertThat(secondWriter.exitValue()).isEqualTo(1);
                assertThat(ChildJvm.output(second)).contains("is locked by pid " + ProcessHandle.current().pid());

                JsonNode status = awaitReindex(base, AUTH);
                reindexing.set(false);
                stop.set(true);
                for (Future<?> f : traffic) {
                    f.get(2, TimeUnit.MINUTES);
                }
                pool.shutdown();

                assertThat(failures).as("failed or inconsistent answers").isEmpty();
                assertThat(status.get("state").asText()).as(status.toString()).isEqualTo("done");
                assertThat(status.get("embedded").asLong()).as("force embeds every corpus paper")
                        .isEqualTo(corpusPapers);
                assertThat(answeredWhileReindexing.get()).as("queries answered during the reindex")
                        .isGreaterThan(50);
                synchronized (extras) {
                    JsonNode health = send(base, "GET", "/health", null).json();
                    assertThat(health.get("papers").asLong()).isEqualTo(corpusPapers + extras.size());
                    for (String extra : extras) {
                        assertThat(send(base, "GET", "/api/papers/" + extra, null).status()).isEqualTo(200);
                    }
                }
            }
        }
    }

    /** Similar, paper and recommend requests; each answer must be complete and agree with the ground truth. */
    private void readUntil(AtomicBoolean stop, String base, List<String> ids, Map<String, String> titles,
                           Random random) {
        while (!stop.get()) {
            String id = ids.get(random.nextInt(ids.size()));
            try {
                boolean during = reindexing.get();
                Reply paper = send(base, "GET", "/api/papers/" + id, null);
                check(paper, 200, "paper " + id);
                if (paper.status() == 200 && !titles.get(id).equals(paper.json().get("title").asText())) {
                    failures.add("paper " + id + " came back with another title: " + paper.body());
                }
                Reply similar = send(base, "GET", "/api/papers/" + id + "/similar?k=10", null);
                checkResults(similar, "similar " + id, Set.of(id), titles);
                String other = ids.get(random.nextInt(ids.size()));
                Reply rec = send(base, "POST", "/api/recommend", "{\"liked\":[\"" + id + "\",\"" + other
                        + "\"],\"k\":10}");
                checkResults(rec, "recommend " + id, Set.of(id, other), titles);
                if (random.nextInt(10) == 0) {
                    checkResults(send(base, "GET", "/api/search?q=" + q(titles.get(id)) + "&k=10", null),
                            "search " + id, Set.of(), titles);
                }
                answered.incrementAndGet();
                if (during && reindexing.get()) {
                    answeredWhileReindexing.incrementAndGet();
                }
            } catch (Exception e) {
                failures.add(id + ": " + e);
            }
        }
    }

    /**
     * One snapshot per answer: k distinct papers, never a query paper, scores in order, and each hit's title the
     * one its id has (a hit read from one reader and fetched from another would break that). Upserted extras may
     * appear; their titles name their ids.
     */
    private void checkResults(Reply reply, String what, Set<String> excluded, Map<String, String> titles) {
        if (!check(reply, 200, what)) {
            return;
        }
        JsonNode results = reply.json().get("results");
        Set<String> seen = new HashSet<>();
        double previous = Double.MAX_VALUE;
        for (JsonNode hit : results) {
            String id = hit.get("id").asText();
            String title = hit.get("title").asText();
            boolean known = titles.containsKey(id) ? titles.get(id).equals(title) : title.endsWith(id);
            if (!known || !seen.add(id) || excluded.contains(id) || hit.get("score").asDouble() > previous) {
                failures.add(what + ": inconsistent hit " + hit + " in " + reply.body());
                return;
            }
            previous = hit.get("score").asDouble();
        }
        if (results.size() != 10) {
            failures.add(what + ": " + results.size() + " results instead of 10");
        }
    }

    private boolean check(Reply reply, int expected, String what) {
        if (reply.status() != expected) {
            failures.add(what + ": HTTP " + reply.status() + " " + reply.body());
            return false;
        }
        return true;
    }

    /** Upserts new papers and deletes every third one, remembering which should remain. */
    private void writeUntil(AtomicBoolean stop, String base, Set<String> extras) {
        for (int i = 0; !stop.get(); i++) {
            String id = "extra-" + i;
            String paper = "[{\"id\":\"" + id + "\",\"title\":\"Streaming upserts during a reindex, paper " + id
                    + "\",\"abstract\":\"We study incremental index maintenance while queries run, case " + i
                    + ".\"}]";
            try {
                Reply put = send(base, "PUT", "/api/papers", paper, "Authorization", AUTH,
                        "Content-Type", "application/json");
                if (check(put, 200, "upsert " + id)) {
                    synchronized (extras) {
                        extras.add(id);
                    }
                }
                if (i % 3 == 2) {
                    String victim = "extra-" + (i - 1);
                    if (check(send(base, "DELETE", "/api/papers/" + victim, null, "Authorization", AUTH), 204,
                            "delete " + victim)) {
                        synchronized (extras) {
                            extras.remove(victim);
                        }
                    }
                }
            } catch (Exception e) {
                failures.add(id + ": " + e);
            }
        }
    }

    static JsonNode awaitReindex(String base, String auth) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            JsonNode status = send(base, "GET", "/api/reindex", null, "Authorization", auth).json();
            if (!status.get("state").asText().equals("running")) {
                return status;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the reindex did not finish within 5 minutes");
    }
}
