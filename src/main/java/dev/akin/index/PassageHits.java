package dev.akin.index;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Nearest papers with their passage vectors, read from the same snapshot of the index.
 *
 * @param hits nearest by whole-text vector
 * @param passages the passage vectors of the hit at the same position; null where that paper has none, or where
 *                 they were not asked for
 */
public record PassageHits(Hits hits, List<PassageVectors> passages) {
    /** Checks that there is one entry per hit, and copies the list (nulls and all), so the record stays immutable. */
    public PassageHits {
        if (passages.size() != hits.hits().size()) {
            throw new IllegalArgumentException("passage hits need one passages entry per hit, got "
                    + hits.hits().size() + " hits and " + passages.size() + " entries");
        }
        passages = Collections.unmodifiableList(new ArrayList<>(passages));
    }

    /** Hits whose passages were not read. */
    public static PassageHits without(Hits hits) {
        return new PassageHits(hits, Collections.nCopies(hits.hits().size(), null));
    }
}
