package dev.akin.cli;

import dev.akin.search.Akin;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "search", description = "Papers most like a text: a query, or a whole abstract.")
final class SearchCommand implements Callable<Integer> {
    @Parameters(paramLabel = "TEXT", description = "What to look for.")
    String text;

    @Mixin
    IndexOption index;

    @Mixin
    QueryOptions query;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Akin akin = index.open()) {
            Printer.results(spec.commandLine().getOut(), akin.search(text, query.k, query.filter()), query.json);
        }
        return 0;
    }
}
