package dev.akin.cli;

import dev.akin.index.IndexStats;
import dev.akin.search.Akin;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "stats", description = "What the index holds.")
final class StatsCommand implements Callable<Integer> {
    @Mixin
    IndexOption index;

    @Option(names = "--json", description = "Print exactly one JSON document on stdout.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Akin akin = index.open()) {
            IndexStats stats = akin.stats();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Printer.json(out, stats);
            } else {
                out.printf("index:    %s%npapers:   %d%nsegments: %d%nsize:     %.1f MB%nmodel:    %s%nformat:   %s,"
                                + " M=%d, beam %d%nsentence vectors: %s%n", stats.path(), stats.papers(),
                        stats.segments(), stats.bytes() / 1e6, stats.model() == null ? "(none yet)" : stats.model(),
                        stats.settings().format(), stats.settings().maxConnections(), stats.settings().beamWidth(),
                        stats.passages() ? "yes (--mode passages)" : "no (akin index --passages adds them)");
            }
        }
        return 0;
    }
}
