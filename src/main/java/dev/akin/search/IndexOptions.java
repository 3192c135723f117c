package dev.akin.search;

import java.time.Duration;

/**
 * How an indexing run behaves.
 *
 * @param prune delete papers that no input holds any more
 * @param strict fail on the first malformed record, before anything is written, instead of skipping it
 * @param commitEvery commit at least this often, so a crash loses at most this much work
 * @param force embed and rewrite every paper, even one whose text and model are unchanged (a full reindex)
 */
public record IndexOptions(boolean prune, boolean strict, Duration commitEvery, boolean force) {
    /** Checks that {@code commitEvery} is set and positive. */
    public IndexOptions {
        if (commitEvery == null || commitEvery.isNegative() || commitEvery.isZero()) {
            throw new IllegalArgumentException("commitEvery must be positive, got " + commitEvery);
        }
    }

    /** Incremental, no pruning, malformed records skipped, a commit at least every minute. */
    public static IndexOptions defaults() {
        return new IndexOptions(false, false, Duration.ofSeconds(60), false);
    }

    /** A copy with {@code prune} replaced. */
    public IndexOptions withPrune(boolean value) {
        return new IndexOptions(value, strict, commitEvery, force);
    }

    /** A copy with {@code strict} replaced. */
    public IndexOptions withStrict(boolean value) {
        return new IndexOptions(prune, value, commitEvery, force);
    }

    /** A copy with {@code force} replaced. */
    public IndexOptions withForce(boolean value) {
        return new IndexOptions(prune, strict, commitEvery, value);
    }
}
