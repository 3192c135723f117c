package dev.akin.search;

import dev.akin.embed.Vectors;
import dev.akin.index.Hit;
import dev.akin.index.PassageMatcher;
import dev.akin.index.PassageVectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.util.VectorUtil;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-query arithmetic around the index, at the sizes a query uses (384-d vectors, 100 candidates, k=10):
 * a plain loop against Lucene's Panama dot product (the peer) and akin's, and the fusion and MMR steps a hybrid
 * or diversified query adds. {@code ./akin bench micro}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class RankingMicroBench {
    private float[] a;
    private float[] b;
    private List<Hit> dense;
    private List<Hit> lexical;
    private List<float[]> vectors;
    private PassageVectors queryPassages;
    private PassageVectors paperPassages;
    private PassageMatcher queryMatcher;
    private PassageMatcher wholeMatcher;
    private PassageVectors candidatePassages;
    private byte[][] queryRows;
    private byte[][] paperRows;

    @Setup
    public void setUp() {
        Random random = new Random(7);
        a = unit(random);
        b = unit(random);
        dense = new ArrayList<>();
        lexical = new ArrayList<>();
        vectors = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            dense.add(new Hit("d" + i, "dense title " + i, 2020, 0.9 - i * 0.004));
            lexical.add(new Hit("d" + (i * 7 % 150), "dense title " + (i * 7 % 150), 2020, 25.0 - i * 0.2));
            vectors.add(unit(random));
        }
        queryPassages = PassageVectors.quantize(vectors.subList(0, 9));
        paperPassages = PassageVectors.quantize(vectors.subList(9, 18));
        queryMatcher = PassageMatcher.of(queryPassages);
        wholeMatcher = PassageMatcher.of(a);
        candidatePassages = PassageVectors.quantize(vectors.subList(20, 30));
        queryRows = rows(queryPassages);
        paperRows = rows(paperPassages);
    }

    /** The codes one array per passage, as Lucene's int8 kernel takes them. */
    private static byte[][] rows(PassageVectors passages) {
        byte[][] rows = new byte[passages.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new byte[passages.dim()];
            for (int d = 0; d < rows[i].length; d++) {
                rows[i][d] = passages.code(i, d);
            }
        }
        return rows;
    }

    private static float[] unit(Random random) {
        float[] v = new float[384];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return Vectors.normalize(v);
    }

    /** What akin's dot product was: a plain loop with a double sum. */
    @Benchmark
    public double dotPlainLoop() {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** akin's dot product now, which calls Lucene's. */
    @Benchmark
    public double dotAkin() {
        return Vectors.dot(a, b);
    }

    @Benchmark
    public float dotLucenePanama() {
        return VectorUtil.dotProduct(a, b);
    }

    /** One sentence pair of the passages mode: int8 codes on Lucene's kernel. */
    @Benchmark
    public double passageDot() {
        return VectorUtil.dotProduct(queryRows[0], paperRows[0]) * (double) queryPassages.scale(0)
                * paperPassages.scale(0);
    }

    /** One candidate of a paper-to-paper passages query: 9 sentences against 9, the query side prepared once. */
    @Benchmark
    public double passageMeanMax9x9() {
        return queryMatcher.meanMax(paperPassages);
    }

    /** One candidate of the passages shortlist: the query's whole float vector against 10 sentences. */
    @Benchmark
    public double passageShortlist1x10() {
        return wholeMatcher.meanMax(candidatePassages);
    }

    /** The peer: the same match as 81 int8 dot products on Lucene's kernel (akin's way before the matcher). */
    @Benchmark
    public double passageMeanMax9x9Lucene() {
        double sum = 0;
        for (int i = 0; i < queryPassages.size(); i++) {
            double best = -1;
            for (int j = 0; j < paperPassages.size(); j++) {
                best = Math.max(best, VectorUtil.dotProduct(queryRows[i], paperRows[j])
                        * (double) queryPassages.scale(i) * paperPassages.scale(j));
            }
            sum += best;
        }
        return sum / queryPassages.size();
    }

    @Benchmark
    public List<Hit> fuseWeighted() {
        return Fusions.weighted(dense, lexical, 0.5, 10);
    }

    @Benchmark
    public List<Hit> fuseRrf() {
        return Fusions.rrf(List.of(dense, lexical), 10);
    }

    @Benchmark
    public List<Hit> mmr() {
        return Rerank.mmr(dense, vectors, 0.7, 10);
    }

    @Benchmark
    public List<Hit> distinctTitles() {
        return Rerank.distinctTitles(dense);
    }
}
