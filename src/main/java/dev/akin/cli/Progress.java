package dev.akin.cli;

import dev.akin.search.IndexProgress;
import java.io.PrintWriter;
import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar (papers/s, ETA) on a terminal; a plain line every ten seconds otherwise (logs, CI). */
abstract sealed class Progress implements IndexProgress, AutoCloseable {
    static Progress start(PrintWriter err) {
        var console = System.console();
        return console != null && console.isTerminal() ? new Bar() : new Lines(err);
    }

    @Override
    public abstract void close();

    private static final class Bar extends Progress {
        private ProgressBar bar;

        @Override
        public void update(long done, long total, long embedded) {
            if (bar == null) {
                bar = new ProgressBarBuilder().setTaskName("Indexing").setInitialMax(total).setUnit(" papers", 1)
                        .setStyle(ProgressBarStyle.ASCII).showSpeed().setUpdateIntervalMillis(500).build();
            }
            bar.maxHint(total);
            bar.stepTo(done);
            bar.setExtraMessage(" (" + embedded + " embedded)");
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }

    private static final class Lines extends Progress {
        private static final long EVERY = Duration.ofSeconds(10).toNanos();
        private final PrintWriter err;
        private final long start = System.nanoTime();
        private long last = start;

        Lines(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void update(long done, long total, long embedded) {
            long now = System.nanoTime();
            if (now - last < EVERY && done < total) {
                return;
            }
            last = now;
            double seconds = (now - start) / 1e9;
            double rate = done / Math.max(seconds, 1e-9);
            long eta = rate > 0 ? Math.round((total - done) / rate) : 0;
            err.printf("indexed %d/%d papers (%.1f/s, %d embedded, ETA %dm%02ds)%n", done, total, rate, embedded,
                    eta / 60, eta % 60);
            err.flush();
        }

        @Override
        public void close() {
        }
    }
}
