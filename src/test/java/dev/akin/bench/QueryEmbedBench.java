package dev.akin.bench;

import dev.akin.embed.EmbedOptions;
import dev.akin.embed.ModelSpec;
import dev.akin.embed.OnnxEmbedder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Query embeddings per second with no HTTP in the way: the ceiling for text search under load. Uses the
 * serving settings (one ORT thread per inference, one inference per core) and one caller per core.
 */
public final class QueryEmbedBench {
    private QueryEmbedBench() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        List<String> queries = Files.readAllLines(Path.of(args[0]));
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int cores = Runtime.getRuntime().availableProcessors();
        ModelSpec spec = ModelSpec.load(Path.of(System.getProperty("akin.models", "models"), "all-minilm-l6-v2"));
        try (OnnxEmbedder embedder = OnnxEmbedder.open(spec, new EmbedOptions(1, cores, 16),
                Files.createTempDirectory("akin-qbench"));
             ExecutorService pool = Executors.newFixedThreadPool(cores)) {
            for (int i = 0; i < 200; i++) {
                embedder.embedQuery(queries.get(i % queries.size()));
            }
            AtomicLong done = new AtomicLong();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            for (int t = 0; t < cores; t++) {
                pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        embedder.embedQuery(queries.get(ThreadLocalRandom.current().nextInt(queries.size())));
                        done.incrementAndGet();
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(seconds + 60L, java.util.concurrent.TimeUnit.SECONDS);
            System.out.printf("query embeddings: %.1f/s over %d s with %d callers%n", done.get() / (double) seconds,
                    seconds, cores);
        }
    }
}
