package dev.akin.search;

import java.time.Duration;

/**
 * How an indexing run behaves.
 *
 * @param prune delete papers that no input holds any more
 * @param strict fail on the first malformed record, before anything is written, instead of skipping it
 * @param commitEvery commit at least this often, so a crash loses at most this much work
 */
public record IndexOptions(boolean prune, boolean strict, Duration commitEvery) {
    public IndexOptions {
        if (commitEvery == null || commitEvery.isNegative() || commitEvery.isZero()) {
            throw new IllegalArgumentException("commitEvery must be positive, got " + commitEvery);
        }
    }

    public static IndexOptions defaults() {
        return new IndexOptions(false, false, Duration.ofSeconds(60));
    }

    public IndexOptions withPrune(boolean value) {
        return new IndexOptions(value, strict, commitEvery);
    }

    public IndexOptions withStrict(boolean value) {
        return new IndexOptions(prune, value, commitEvery);
    }
}
