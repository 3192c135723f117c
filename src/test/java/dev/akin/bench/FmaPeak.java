package dev.akin.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Measures the CPU's fp32 fused-multiply-add peak: twelve independent FMA chains per thread, enough to cover the
 * FMA latency on every pipe. The denominator for "fraction of peak" in the embedding bench. The species must be
 * a compile-time constant for the JIT to emit vector FMAs, hence one loop per width.
 */
final class FmaPeak {
    private static final VectorSpecies<Float> AVX2 = FloatVector.SPECIES_256;
    private static final VectorSpecies<Float> AVX512 = FloatVector.SPECIES_512;
    private static final long ITERATIONS = 100_000_000L;

    private FmaPeak() {
    }

    /** GFLOP/s over {@code threads} threads with 256-bit (AVX2) or 512-bit (AVX-512) vectors, best of four tries. */
    static double gflops(int threads, int bits) {
        Callable<Float> kernel = bits == 512 ? FmaPeak::chains512 : FmaPeak::chains256;
        int lanes = bits == 512 ? AVX512.length() : AVX2.length();
        double best = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int attempt = 0; attempt < 4; attempt++) {
                List<Future<Float>> parts = new ArrayList<>();
                long start = System.nanoTime();
                for (int t = 0; t < threads; t++) {
                    parts.add(pool.submit(kernel));
                }
                float sink = 0;
                for (Future<Float> f : parts) {
                    sink += result(f);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                double flops = (double) threads * ITERATIONS * 12 * lanes * 2;
                best = Math.max(best, flops / seconds / 1e9 + (sink == 42 ? 1e-9 : 0));
            }
        }
        return best;
    }

    private static float result(Future<Float> part) {
        try {
            return part.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("FMA kernel failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring the FMA peak", e);
        }
    }

    private static float chains256() {
        FloatVector a = FloatVector.broadcast(AVX2, 0.999f);
        FloatVector b = FloatVector.broadcast(AVX2, 0.001f);
        // Each chain starts from its own broadcast: values from an array stay boxed and defeat the JIT.
        FloatVector c0 = FloatVector.broadcast(AVX2, 1f);
        FloatVector c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0, c8 = c0, c9 = c0, c10 = c0;
        FloatVector c11 = c0;
        for (long i = 0; i < ITERATIONS; i++) {
            c0 = c0.fma(a, b); c1 = c1.fma(a, b); c2 = c2.fma(a, b); c3 = c3.fma(a, b);
            c4 = c4.fma(a, b); c5 = c5.fma(a, b); c6 = c6.fma(a, b); c7 = c7.fma(a, b);
            c8 = c8.fma(a, b); c9 = c9.fma(a, b); c10 = c10.fma(a, b); c11 = c11.fma(a, b);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11)
                .reduceLanes(VectorOperators.ADD);
    }

    private static float chains512() {
        FloatVector a = FloatVector.broadcast(AVX512, 0.999f);
        FloatVector b = FloatVector.broadcast(AVX512, 0.001f);
        // Each chain starts from its own broadcast: values from an array stay boxed and defeat the JIT.
        FloatVector c0 = FloatVector.broadcast(AVX512, 1f);
        FloatVector c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0, c8 = c0, c9 = c0, c10 = c0;
        FloatVector c11 = c0;
        for (long i = 0; i < ITERATIONS; i++) {
            c0 = c0.fma(a, b); c1 = c1.fma(a, b); c2 = c2.fma(a, b); c3 = c3.fma(a, b);
            c4 = c4.fma(a, b); c5 = c5.fma(a, b); c6 = c6.fma(a, b); c7 = c7.fma(a, b);
            c8 = c8.fma(a, b); c9 = c9.fma(a, b); c10 = c10.fma(a, b); c11 = c11.fma(a, b);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11)
                .reduceLanes(VectorOperators.ADD);
    }
}
