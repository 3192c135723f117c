package dev.akin.index;

/** Whether Lucene's SIMD (Panama) vector code is on: it needs the jdk.incubator.vector module in the JVM. */
public final class Vectorization {
    private Vectorization() {
    }

    /** True when the JVM has the vector module and Lucene's vectorization is not disabled by system property. */
    public static boolean panamaEnabled() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                && !Boolean.getBoolean("org.apache.lucene.vectorization.disable");
    }

    /** A line for the startup log. */
    public static String describe() {
        return panamaEnabled()
                ? "Lucene vector search uses SIMD (Panama, jdk.incubator.vector)"
                : "Lucene vector search runs WITHOUT SIMD: start the JVM with --add-modules jdk.incubator.vector";
    }
}
