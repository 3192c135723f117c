package dev.akin.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/** The top-level command: only subcommands do work. Every subcommand inherits --help and --version. */
@Command(name = "akin", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, version = "akin 0.1.0",
        description = "Find similar papers: sentence embeddings in a Lucene HNSW index.",
        subcommands = {IndexCommand.class, SimilarCommand.class, SearchCommand.class, RecommendCommand.class,
            StatsCommand.class, ServeCommand.class, EvalCommand.class})
final class AkinCommand {
}
