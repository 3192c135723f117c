package dev.akin.http;

import dev.akin.search.IndexOptions;
import dev.akin.search.IndexReport;
import java.time.Instant;
import java.util.List;

/**
 * Where the server's background reindex stands, as GET /api/reindex shows it.
 *
 * @param state idle, running, done or failed
 * @param force whether every paper is embedded again
 * @param prune whether papers absent from the corpus are deleted
 * @param startedAt when the run started (null when idle)
 * @param finishedAt when it ended (null while running)
 * @param done distinct papers processed so far
 * @param total distinct papers in the corpus
 * @param embedded papers embedded so far
 * @param summary the run's report for people, once done
 * @param error why it failed, once failed
 */
record ReindexStatus(String state, boolean force, boolean prune, Instant startedAt, Instant finishedAt, long done,
                     long total, long embedded, String summary, String error) {
    static final ReindexStatus IDLE = new ReindexStatus("idle", false, false, null, null, 0, 0, 0, null, null);

    static ReindexStatus started(IndexOptions options) {
        return new ReindexStatus("running", options.force(), options.prune(), Instant.now(), null, 0, 0, 0, null, null);
    }

    boolean running() {
        return state.equals("running");
    }

    ReindexStatus progressed(long nowDone, long nowTotal, long nowEmbedded) {
        return new ReindexStatus(state, force, prune, startedAt, null, nowDone, nowTotal, nowEmbedded, null, null);
    }

    /** Done, with one report per index written (two for an ensemble: the first index's, then the second's). */
    ReindexStatus finished(List<IndexReport> reports) {
        long allEmbedded = reports.stream().mapToLong(IndexReport::embedded).sum();
        String summary = reports.size() == 1 ? reports.getFirst().summary() : "first index: "
                + reports.get(0).summary() + System.lineSeparator() + "second index: " + reports.get(1).summary();
        return new ReindexStatus("done", force, prune, startedAt, Instant.now(), done, total, allEmbedded, summary,
                null);
    }

    ReindexStatus failed(String why) {
        return new ReindexStatus("failed", force, prune, startedAt, Instant.now(), done, total, embedded, null, why);
    }
}
