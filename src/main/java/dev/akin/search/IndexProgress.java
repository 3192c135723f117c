package dev.akin.search;

/** Hears how an indexing run is getting on; called from the indexing thread. */
@FunctionalInterface
public interface IndexProgress {
    /** Ignores every update, for callers that show no progress. */
    IndexProgress NONE = (done, total, embedded) -> { };

    /**
     * Reports the counts so far; it runs on the indexing thread, so it should return quickly.
     *
     * @param done distinct papers processed so far
     * @param total distinct papers in the inputs
     * @param embedded papers that needed inference so far
     */
    void update(long done, long total, long embedded);
}
