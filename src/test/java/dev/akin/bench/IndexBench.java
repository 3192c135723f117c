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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * HNSW build time, size, query latency and recall@10 against exact search, per vector format and HNSW setting,
 * on clustered synthetic unit vectors shaped like sentence embeddings (many topics, papers scattered around them);
 * the same with filters that keep 10% and 0.1% of the papers; and a recall-vs-latency curve over the search beam,
 * plotted. {@code ./akin bench index --vectors 100000 --m 16,32 --formats float32,int8 --beams 100,200}.
 */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "HNSW build, size, latency and recall@10 against exact search, per format and setting.")
final class IndexBench implements Callable<Integer> {
    private static final int DIM = 384;
    private static final int QUERIES = 300;
    private static final int K = 10;
    private static final List<String> ALL_FORMATS = List.of("float32", "int8", "int4", "binary");

    @Option(names = "--vectors", defaultValue = "100000", description = "Vectors to index (default ${DEFAULT-VALUE}).")
    int n;
    @Option(names = "--m", split = ",", defaultValue = "16", description = "HNSW M values.")
    List<Integer> ms;
    @Option(names = "--formats", split = ",", defaultValue = "float32,int8,int4,binary", description = "Formats.")
    List<String> formats;
    @Option(names = "--beams", split = ",", defaultValue = "100", description = "Construction beam widths.")
    List<Integer> beams;
    @Option(names = "--search-beams", split = ",", defaultValue = "10,20,50,100,200,400",
            description = "Search beams for the recall-vs-latency curve.")
    List<Integer> searchBeams;
    @Option(names = "--merge", description = "Merge each index into one segment before measuring (akin index --merge).")
    boolean merge;
    @Option(names = "--plots", defaultValue = "target/bench", description = "Where the PNG plots go.")
    Path plots;

    private final Map<String, List<double[]>> curves = new LinkedHashMap<>();

    @Override
    public Integer call() throws IOException {
        Clusters clusters = new Clusters(DIM, Math.max(50, n / 100), 42);
        List<float[]> queries = new ArrayList<>();
        for (int i = 0; i < QUERIES; i++) {
            queries.add(clusters.next());
        }
        System.out.printf("%d clustered %d-d unit vectors, %d queries, k=%d, single-threaded queries; beam = build"
                + " and search beam width; %s; filters keep 10%% and 0.1%% of the papers%n%n", n, DIM, QUERIES, K,
                merge ? "each index merged into one segment" : "segments as indexing left them");
        System.out.println("| format | M | beam | build s | merge s | segments | size MB | p50 ms | p99 ms | recall@10"
                + " | exact p50 ms | exact / HNSW | 10% filter p50 ms / recall | 10% filter exact p50 ms"
                + " | 0.1% filter p50 ms / recall |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (String format : formats) {
            for (int m : ms) {
                for (int beam : beams) {
                    run(queries, VectorFormat.parse(format), m, beam);
                }
            }
        }
        System.out.println();
        System.out.println("Recall@10 against search beam (no filter):");
        System.out.println("| index | search beam | p50 ms | recall@10 |");
        System.out.println("|---|---|---|---|");
        curves.forEach((name, points) -> {
            for (int i = 0; i < points.size(); i++) {
                System.out.printf("| %s | %d | %.3f | %.3f |%n", name, searchBeams.get(i), points.get(i)[0],
                        points.get(i)[1]);
            }
        });
        // A run over some formats only names them, so it does not overwrite the plot of another run.
        String only = formats.equals(ALL_FORMATS) ? "" : "-" + String.join("-", formats);
        Plots.lines(plots.resolve("recall-vs-latency-" + n + (merge ? "-merged" : "") + only + ".png"),
                String.format("Recall@10 vs p50, %,d x %d-d", n, DIM),
                "p50 latency (ms, log)", "recall@10", curves, true);
        return 0;
    }

    private void run(List<float[]> queries, VectorFormat format, int m, int beam) throws IOException {
        Path dir = Files.createTempDirectory("akin-index-bench");
        IndexSettings settings = new IndexSettings(format, m, beam, beam, 3, 1000);
        Clusters data = new Clusters(DIM, Math.max(50, n / 100), 42);
        data.skip(QUERIES); // the same stream as the queries, past them: queries are not in the index
        long start = System.nanoTime();
        double mergeSeconds = 0;
        try (LuceneVectorStore store = LuceneVectorStore.open(dir, settings)) {
            store.bindModel(new ModelFingerprint("synthetic", "none", Pooling.MEAN, DIM, 256));
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
            if (merge) {
                long mergeStart = System.nanoTime();
                store.merge(1);
                mergeSeconds = (System.nanoTime() - mergeStart) / 1e9;
            }
        }
        double buildSeconds = (System.nanoTime() - start) / 1e9 - mergeSeconds;
        try (LuceneVectorStore approx = LuceneVectorStore.open(dir, settings)) {
            var stats = approx.stats();
            Filter tenth = new Filter(null, null, "c10", Set.of());
            Filter thousandth = new Filter(null, null, "c01", Set.of());
            double[] approxMs = time(approx, queries, Filter.NONE, false);
            double[] exactMs = time(approx, queries, Filter.NONE, true);
            double[] tenthMs = time(approx, queries, tenth, false);
            double[] thousandthMs = time(approx, queries, thousandth, false);
            double[] tenthExactMs = time(approx, queries, tenth, true);
            System.out.printf("| %s | %d | %d | %.1f | %.1f | %d | %.0f | %.3f | %.3f | %.3f | %.2f | %.1fx"
                            + " | %.3f / %.3f | %.3f | %.3f / %.3f |%n",
                    format, m, beam, buildSeconds, mergeSeconds, stats.segments(), stats.bytes() / 1e6,
                    percentile(approxMs, 50), percentile(approxMs, 99), recall(approx, approx, queries, Filter.NONE),
                    percentile(exactMs, 50), percentile(exactMs, 50) / percentile(approxMs, 50),
                    percentile(tenthMs, 50), recall(approx, approx, queries, tenth), percentile(tenthExactMs, 50),
                    percentile(thousandthMs, 50), recall(approx, approx, queries, thousandth));
            List<double[]> curve = new ArrayList<>();
            for (int searchBeam : searchBeams) {
                try (LuceneVectorStore beamed = LuceneVectorStore.open(dir, settings.withSearchBeam(searchBeam))) {
                    curve.add(new double[] {percentile(time(beamed, queries, Filter.NONE, false), 50),
                            recall(beamed, approx, queries, Filter.NONE)});
                }
            }
            curves.put(format + " M=" + m + " beam " + beam, curve);
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    /** Recall@10 of {@code approx}'s answers against brute force over {@code reference}'s float32 vectors. */
    private static double recall(LuceneVectorStore approx, LuceneVectorStore reference, List<float[]> queries,
                                 Filter filter) {
        double recall = 0;
        for (float[] q : queries) {
            Set<String> truth = ids(reference.nearest(q, K, filter, Set.of(), true).hits());
            Set<String> got = ids(approx.nearest(q, K, filter, Set.of()).hits());
            got.retainAll(truth);
            recall += got.size() / (double) Math.max(1, truth.size());
        }
        return recall / queries.size();
    }

    /** Per-query milliseconds, after three warm-up passes; {@code exact} forces brute force. */
    private static double[] time(LuceneVectorStore store, List<float[]> queries, Filter filter, boolean exact) {
        for (int r = 0; r < 3; r++) {
            queries.forEach(q -> store.nearest(q, K, filter, Set.of(), exact));
        }
        double[] ms = new double[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            long start = System.nanoTime();
            store.nearest(queries.get(i), K, filter, Set.of(), exact);
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
