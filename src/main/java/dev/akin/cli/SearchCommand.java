package dev.akin.cli;

import dev.akin.search.Akin;
import dev.akin.search.Results;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "search", description = "Papers most like a text: a query, or a whole abstract.")
final class SearchCommand extends QueryCommand {
    @Parameters(paramLabel = "TEXT", description = "What to look for.")
    String text;

    @Mixin
    RankingOptions ranking;

    @Override
    Results ask(Akin akin) {
        return akin.search(text, query.k, query.filter(), ranking.options());
    }
}
