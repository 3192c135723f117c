package dev.akin.cli;

import dev.akin.search.Akin;
import dev.akin.search.IndexOptions;
import dev.akin.search.IndexReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "index", description = "Index papers from listings (.txt), JSON Lines (.jsonl[.gz]) or CSV files and"
        + " folders; incremental: unchanged papers are not embedded again.")
final class IndexCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files or folders to index.")
    List<Path> paths;

    @Mixin
    IndexOption index;

    @Mixin
    BuildOptions build;

    @Option(names = "--prune", description = "Delete papers that no input holds any more.")
    boolean prune;

    @Option(names = "--strict", description = "Fail on the first malformed record, before anything is written.")
    boolean strict;

    @Option(names = "--force", description = "Embed and rewrite every paper, even unchanged ones (a full reindex).")
    boolean force;

    @Option(names = "--commit-every", paramLabel = "SECONDS", defaultValue = "60",
            description = "Commit at least this often; a crash loses at most this much work (default: ${DEFAULT-VALUE}).")
    long commitEvery;

    @Option(names = "--passages", description = "Also keep a vector per sentence, for --mode passages (about twice"
            + " the inference; every later write keeps them too).")
    boolean passages;

    @Option(names = "--merge", description = "Afterwards, merge the index into one segment: slower to finish, faster"
            + " queries on a large index.")
    boolean merge;

    @Option(names = "--json", description = "Print the run's report as one JSON document on stdout.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        IndexReport report;
        try (Akin akin = Akin.open(build.batch(index.config()));
             Progress progress = Progress.start(spec.commandLine().getErr())) {
            var options = new IndexOptions(prune, strict, Duration.ofSeconds(commitEvery), force, passages);
            report = akin.index(paths, options, progress);
            if (merge) {
                spec.commandLine().getErr().println("merging into one segment ...");
                akin.merge();
            }
        }
        if (json) {
            Printer.json(spec.commandLine().getOut(), report);
        } else {
            spec.commandLine().getOut().println(report.summary());
        }
        return 0;
    }
}
