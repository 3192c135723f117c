package dev.akin.search;

import java.time.Duration;

/**
 * How an indexing run behaves.
 *
 * @param prune delete papers that no input holds any more
 * @param strict fail on the first malformed record, before anything is written, instead of skipping it
 * @param commitEvery commit at least this often, so a crash loses at most this much work
 * @param force embed and rewrite every paper, even one whose text and model are unchanged (a full reindex)
 * @param passages also keep a vector per sentence (for the passages retrieval); once an index keeps them, every
 *     later write does, whatever this says
 */
public record IndexOptions(boolean prune, boolean strict, Duration commitEvery, boolean force, boolean passages) {
    /** Checks that {@code commitEvery} is set and positive. */
    public IndexOptions {
        if (commitEvery == null || commitEvery.isNegative() || commitEvery.isZero()) {
            throw new IllegalArgumentException("commitEvery must be positive, got " + commitEvery);
        }
    }

    /** Incremental, no pruning, malformed records skipped, a commit at least every minute, no passages. */
    public static IndexOptions defaults() {
        return new IndexOptions(false, false, Duration.ofSeconds(60), false, false);
    }

    /** A copy with {@code prune} replaced. */
    public IndexOptions withPrune(boolean value) {
        return new IndexOptions(value, strict, commitEvery, force, passages);
    }

    /** A copy with {@code strict} replaced. */
    public IndexOptions withStrict(boolean value) {
        return new IndexOptions(prune, value, commitEvery, force, passages);
    }

    /** A copy with {@code force} replaced. */
    public IndexOptions withForce(boolean value) {
        return new IndexOptions(prune, strict, commitEvery, value, passages);
    }

    /** A copy with {@code passages} replaced. */
    public IndexOptions withPassages(boolean value) {
        return new IndexOptions(prune, strict, commitEvery, force, value);
    }
}
