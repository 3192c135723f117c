package dev.akin.cli;

import dev.akin.search.Akin;
import dev.akin.search.Results;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "similar", description = "Papers most like an indexed paper (from its stored vector), or, with"
        + " --focus, like it in one respect.")
final class SimilarCommand extends QueryCommand {
    @Parameters(paramLabel = "ID", description = "Id of an indexed paper.")
    String id;

    @Option(names = "--focus", paramLabel = "TEXT", description = "Similar in this respect: some of the paper's"
            + " sentences (its method, say) or any text; averaged with the paper's own vector (runs the model).")
    String focus;

    @Mixin
    RankingOptions ranking;

    @Override
    Results ask(Akin akin) {
        return akin.similar(id, focus, query.k, query.filter(), ranking.options());
    }
}
