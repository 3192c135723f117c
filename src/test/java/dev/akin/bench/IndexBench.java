package dev.akin.bench;

import dev.akin.embed.ModelFingerprint;
import dev.akin.embed.Pooling;
import dev.akin.embed.Vectors;
import dev.akin.index.Filter;
import dev.akin.index.Hit;
import dev.akin.index.IndexSettings;
import dev.akin.index.IndexedPaper;
import dev.akin.index.LuceneVectorStore;
import dev.akin.index.VectorFormat;
import dev.akin.paper.Paper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * HNSW build time, size, query latency and recall@10 against exact search, per vector format and HNSW setting,
 * on clustered synthetic unit vectors shaped like sentence embeddings (many topics, papers scattered around them);
 * then the same with filters that keep 10% and 0.1% of the papers.
 * {@code mvn -q -Pbench test-compile exec:exec -Dbench.class=dev.akin.bench.IndexBench
 * -Dbench.args="100000 16,32 float32,int8 100,200"} (vectors, M values, formats, beam widths).
 */
public final class IndexBench {
    private static final int DIM = 384;
    private static final int QUERIES = 300;
    private static final int K = 10;

    private IndexBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        List<Integer> ms = args.length > 1 ? Arrays.stream(args[1].split(",")).map(Integer::valueOf).toList()
                : List.of(16);
        List<VectorFormat> formats = args.length > 2
                ? Arrays.stream(args[2].split(",")).map(VectorFormat::parse).toList()
                : List.of(VectorFormat.values());
        List<Integer> beams = args.length > 3 ? Arrays.stream(args[3].split(",")).map(Integer::valueOf).toList()
                : List.of(100);
        Clusters clusters = new Clusters(DIM, Math.max(50, n / 100), 42);
        List<float[]> queries = new ArrayList<>();
        for (int i = 0; i < QUERIES; i++) {
            queries.add(clusters.next());
        }
        var fingerprint = new ModelFingerprint("synthetic", "none", Pooling.MEAN, DIM, 256);
        System.out.printf("%d clustered %d-d unit vectors, %d queries, k=%d, single-threaded queries; beam = build"
                + " and search beam width; filters keep 10%% and 0.1%% of the papers%n%n", n, DIM, QUERIES, K);
        System.out.println("| format | M | beam | build s | size MB | p50 ms | p99 ms | recall@10 | exact p50 ms |"
                + " 10% filter p50 ms / recall | 10% filter exact p50 ms | 0.1% filter p50 ms / recall |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (VectorFormat format : formats) {
            for (int m : ms) {
                for (int beam : beams) {
                    run(n, queries, fingerprint, format, m, beam);
                }
            }
        }
    }

    private static void run(int n, List<float[]> queries, ModelFingerprint fingerprint, VectorFormat format, int m,
                            int beam) throws Exception {
        {
            Path dir = Files.createTempDirectory("akin-index-bench");
            IndexSettings settings = new IndexSettings(format, m, beam, beam, 3, 1000);
            Clusters data = new Clusters(DIM, Math.max(50, n / 100), 42);
            data.skip(QUERIES); // the same stream as the queries, past them: queries are not in the index
            long start = System.nanoTime();
            try (LuceneVectorStore store = LuceneVectorStore.open(dir, settings)) {
                store.bindModel(fingerprint);
                List<IndexedPaper> batch = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    // Categories for filters of known selectivity: "c10" on every 10th paper, "c01" on every 1000th.
                    List<String> categories = i % 1000 == 0 ? List.of("c10", "c01") : i % 10 == 0 ? List.of("c10")
                            : List.of();
                    batch.add(new IndexedPaper(new Paper("p" + i, "t" + i, "", null, null, null, 2000 + i % 25,
                            categories, ""), data.next(), "", ""));
                    if (batch.size() == 5000) {
                        store.upsert(batch);
                        batch.clear();
                    }
                }
                store.upsert(batch);
                store.commit();
            }
            double buildSeconds = (System.nanoTime() - start) / 1e9;
            try (LuceneVectorStore approx = LuceneVectorStore.open(dir, settings);
                 LuceneVectorStore exact = LuceneVectorStore.open(dir, settings.withExactThreshold(10_000_000))) {
                long bytes = approx.stats().bytes();
                Filter tenth = new Filter(null, null, "c10", Set.of());
                Filter thousandth = new Filter(null, null, "c01", Set.of());
                double[] approxMs = time(approx, queries, Filter.NONE);
                double[] exactMs = time(exact, queries, Filter.NONE);
                double[] tenthMs = time(approx, queries, tenth);
                double[] thousandthMs = time(approx, queries, thousandth);
                double[] tenthExactMs = time(exact, queries, tenth);
                System.out.printf("| %s | %d | %d | %.1f | %.0f | %.3f | %.3f | %.3f | %.2f | %.3f / %.3f | %.3f |"
                                + " %.3f / %.3f |%n",
                        format, m, beam, buildSeconds, bytes / 1e6, percentile(approxMs, 50), percentile(approxMs, 99),
                        recall(approx, exact, queries, Filter.NONE), percentile(exactMs, 50),
                        percentile(tenthMs, 50), recall(approx, exact, queries, tenth), percentile(tenthExactMs, 50),
                        percentile(thousandthMs, 50), recall(approx, exact, queries, thousandth));
            }
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static double recall(LuceneVectorStore approx, LuceneVectorStore exact, List<float[]> queries,
                                 Filter filter) {
        double recall = 0;
        for (float[] q : queries) {
            Set<String> truth = ids(exact.nearest(q, K, filter, Set.of()).hits());
            Set<String> got = ids(approx.nearest(q, K, filter, Set.of()).hits());
            got.retainAll(truth);
            recall += got.size() / (double) Math.max(1, truth.size());
        }
        return recall / queries.size();
    }

    private static double[] time(LuceneVectorStore store, List<float[]> queries, Filter filter) {
        for (int r = 0; r < 3; r++) {
            queries.forEach(q -> store.nearest(q, K, filter, Set.of()));
        }
        double[] ms = new double[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            long start = System.nanoTime();
            store.nearest(queries.get(i), K, filter, Set.of());
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        return ms;
    }

    static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static Set<String> ids(List<Hit> hits) {
        Set<String> ids = new HashSet<>();
        hits.forEach(h -> ids.add(h.id()));
        return ids;
    }

    /** Unit vectors around random topic centroids, with per-vector noise: embedding-like neighbourhoods. */
    static final class Clusters {
        private final float[][] centroids;
        private final Random random;

        Clusters(int dim, int count, long seed) {
            Random r = new Random(seed);
            centroids = new float[count][dim];
            for (float[] c : centroids) {
                for (int d = 0; d < dim; d++) {
                    c[d] = (float) r.nextGaussian();
                }
                Vectors.normalize(c);
            }
            random = new Random(seed + 1);
        }

        float[] next() {
            float[] c = centroids[random.nextInt(centroids.length)];
            float[] v = new float[c.length];
            double spread = 0.6 + 0.4 * random.nextDouble();
            for (int d = 0; d < v.length; d++) {
                v[d] = (float) (c[d] + spread * random.nextGaussian() / Math.sqrt(v.length));
            }
            return Vectors.normalize(v);
        }

        void skip(int count) {
            for (int i = 0; i < count; i++) {
                next();
            }
        }
    }
}
