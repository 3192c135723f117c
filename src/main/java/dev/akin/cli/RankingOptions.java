package dev.akin.cli;

import dev.akin.search.Retrieval;
import dev.akin.search.SearchOptions;
import picocli.CommandLine.Option;

/** How similar and search find and order papers. */
final class RankingOptions {
    @Option(names = "--mode", paramLabel = "MODE", description = "dense (embeddings), lexical (BM25), hybrid-rrf or"
            + " hybrid-weighted[:W] (both, fused; W is the dense share), passages[:W] or hybrid-passages[:W] (sentence"
            + " by sentence; the index needs --passages). Default: the best measured for the command.")
    String mode;

    @Option(names = "--min-score", paramLabel = "S", description = "Leave out papers whose embedding score (cosine, or"
            + " passage match) is below S, in every mode; the answer may hold fewer than k, or none. S depends on the"
            + " model: ~0.39 for MiniLM, ~0.73 for bge-small.")
    Double minScore;

    @Option(names = "--mmr", paramLabel = "LAMBDA", description = "Diversify by maximal marginal relevance: 1 is"
            + " relevance alone, lower values prefer papers unlike those already listed (e.g. 0.7).")
    Double mmrLambda;

    @Option(names = "--explain", description = "Say why each paper matched: the closest pair of sentences and the"
            + " shared terms (runs the model).")
    boolean explain;

    SearchOptions options() {
        SearchOptions options = SearchOptions.DEFAULTS.withExplain(explain);
        if (mode != null) {
            options = options.with(Retrieval.parse(mode));
        }
        if (minScore != null) {
            options = options.withMinScore(minScore);
        }
        return mmrLambda == null ? options : options.withMmrLambda(mmrLambda);
    }
}
