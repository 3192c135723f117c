package dev.akin.cli;

import dev.akin.search.Akin;
import dev.akin.search.Results;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "recommend", description = "Papers like the liked ones and unlike the unliked ones.")
final class RecommendCommand extends QueryCommand {
    @Option(names = "--like", paramLabel = "ID", required = true, arity = "1..*", description = "Liked paper ids.")
    List<String> liked;

    @Option(names = "--unlike", paramLabel = "ID", arity = "1..*", description = "Disliked paper ids.")
    List<String> unliked = new ArrayList<>();

    @Override
    Results ask(Akin akin) {
        return akin.recommend(liked, unliked, query.k, query.filter());
    }
}
