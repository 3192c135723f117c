package dev.akin.search;

/** Hears how an indexing run is getting on; called from the indexing thread. */
@FunctionalInterface
public interface IndexProgress {
    IndexProgress NONE = (done, total, embedded) -> { };

    /**
     * @param done distinct papers processed so far
     * @param total distinct papers in the inputs
     * @param embedded papers that needed inference so far
     */
    void update(long done, long total, long embedded);
}
