package dev.akin.bench;

/** Prints the FMA peak alone: {@code mvn -q -Pbench test-compile exec:exec -Dbench.class=dev.akin.bench.FmaPeakMain}. */
public final class FmaPeakMain {
    private FmaPeakMain() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf("fp32 FMA peak, 2 threads: %.1f GFLOP/s (256-bit), %.1f GFLOP/s (512-bit)%n",
                FmaPeak.gflops(2, 256), FmaPeak.gflops(2, 512));
    }
}
