package dev.akin.cli;

import picocli.CommandLine.Command;

/** The top-level command: only subcommands do work. */
@Command(name = "akin", mixinStandardHelpOptions = true, version = "akin 0.1.0",
        description = "Find similar papers: sentence embeddings in a Lucene HNSW index.",
        subcommands = {IndexCommand.class, SimilarCommand.class, SearchCommand.class, RecommendCommand.class,
            StatsCommand.class, ServeCommand.class, EvalCommand.class})
final class AkinCommand {
}
