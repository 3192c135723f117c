package dev.akin.search;

import dev.akin.paper.Skipped;
import java.time.Duration;
import java.util.List;

/**
 * What an indexing run did.
 *
 * @param added papers new to the index
 * @param updated papers whose text or metadata changed
 * @param unchanged papers already indexed as they are
 * @param deleted papers pruned because no input has them any more
 * @param duplicates extra sightings of a paper (same id) merged into one
 * @param embedded papers that went through the model (added plus text-changed)
 * @param skipped records and files not indexed, with reasons
 * @param papers distinct papers in the index afterwards
 * @param elapsed wall time of the run
 */
public record IndexReport(long added, long updated, long unchanged, long deleted, long duplicates, long embedded,
                          List<Skipped> skipped, long papers, Duration elapsed) {
    /** Copies the skipped list, so the record stays immutable. */
    public IndexReport {
        skipped = List.copyOf(skipped);
    }

    /** A one-paragraph summary for people. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append(String.format("%d papers in the index: %d added, %d updated, %d unchanged, %d deleted, %d skipped"
                        + " (%d duplicate sightings merged; %d embedded in %.1f s)",
                papers, added, updated, unchanged, deleted, skipped.size(), duplicates, embedded,
                elapsed.toMillis() / 1000.0));
        for (Skipped skip : skipped.subList(0, Math.min(skipped.size(), 20))) {
            s.append(System.lineSeparator()).append("  skipped ").append(skip);
        }
        if (skipped.size() > 20) {
            s.append(System.lineSeparator()).append("  ... and ").append(skipped.size() - 20).append(" more");
        }
        return s.toString();
    }
}
