package dev.akin.cli;

import dev.akin.search.Akin;
import dev.akin.search.Ensemble;
import dev.akin.search.Results;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

@Command(name = "search", description = "Papers most like a text: a query, or a whole abstract.")
final class SearchCommand extends QueryCommand {
    @Parameters(paramLabel = "TEXT", description = "What to look for.")
    String text;

    @Mixin
    RankingOptions ranking;

    @Option(names = "--ensemble-with", paramLabel = "DIR", description = "Ask two models at once: fuse this index's"
            + " passages, BM25 and dense lists with the dense list of DIR, an index of the same papers by another"
            + " model (e.g. --model bge-small-en-v1.5-q here with --passages, e5-small-v2-q there). Takes none of"
            + " --mode, --min-score, --mmr, --explain.")
    Path ensembleWith;

    @Override
    Results ask(Akin akin) {
        if (ensembleWith == null) {
            return akin.search(text, query.k, query.filter(), ranking.options());
        }
        if (ranking.mode != null || ranking.minScore != null || ranking.mmrLambda != null || ranking.explain) {
            throw new ParameterException(spec.commandLine(), "--ensemble-with fuses its own four lists: leave out"
                    + " --mode, --min-score, --mmr and --explain");
        }
        try (Akin second = IndexOption.openSecond(spec.commandLine(), ensembleWith, index.config())) {
            return new Ensemble(akin, second, Ensemble.DEFAULT_WEIGHTS).search(text, query.k, query.filter());
        }
    }
}
