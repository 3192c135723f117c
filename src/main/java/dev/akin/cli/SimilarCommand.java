package dev.akin.cli;

import dev.akin.search.Akin;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "similar", description = "Papers most like an indexed paper (from its stored vector).")
final class SimilarCommand implements Callable<Integer> {
    @Parameters(paramLabel = "ID", description = "Id of an indexed paper.")
    String id;

    @Mixin
    IndexOption index;

    @Mixin
    QueryOptions query;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Akin akin = index.open()) {
            Printer.results(spec.commandLine().getOut(), akin.similar(id, query.k, query.filter()), query.json);
        }
        return 0;
    }
}
