package dev.akin.cli;

import dev.akin.search.Akin;
import dev.akin.search.Results;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What the query commands share: open the index, ask one question, print the answer. */
abstract class QueryCommand implements Callable<Integer> {
    @Mixin
    IndexOption index;

    @Mixin
    QueryOptions query;

    @Spec
    CommandSpec spec;

    /** The question this command asks. */
    abstract Results ask(Akin akin);

    @Override
    public Integer call() {
        try (Akin akin = index.open()) {
            Printer.results(spec.commandLine().getOut(), ask(akin), query.json);
        }
        return 0;
    }
}
