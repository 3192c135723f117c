package dev.akin.cli;

import dev.akin.search.Akin;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "recommend", description = "Papers like the liked ones and unlike the unliked ones.")
final class RecommendCommand implements Callable<Integer> {
    @Option(names = "--like", paramLabel = "ID", required = true, arity = "1..*", description = "Liked paper ids.")
    List<String> liked;

    @Option(names = "--unlike", paramLabel = "ID", arity = "1..*", description = "Disliked paper ids.")
    List<String> unliked = new ArrayList<>();

    @Mixin
    IndexOption index;

    @Mixin
    QueryOptions query;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Akin akin = index.open()) {
            Printer.results(spec.commandLine().getOut(), akin.recommend(liked, unliked, query.k, query.filter()),
                    query.json);
        }
        return 0;
    }
}
