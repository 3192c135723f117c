package dev.akin.cli;

import dev.akin.AkinException;
import dev.akin.index.IndexLockedException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns errors into one clear line on stderr and a non-zero exit: 1 for akin's own errors, 3 for bugs. */
final class ErrorHandler implements IExecutionExceptionHandler {
    static final int USER_ERROR = 1;
    static final int INTERNAL_ERROR = 3;

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        if (e instanceof AkinException || e instanceof IllegalArgumentException) {
            cmd.getErr().println("akin: " + e.getMessage());
            if (e instanceof IndexLockedException && e.getMessage().contains(" serve")) {
                cmd.getErr().println("akin: a running 'akin serve' reindexes its corpus with POST /api/reindex"
                        + " (README: HTTP API)");
            }
            return USER_ERROR;
        }
        cmd.getErr().println("akin: internal error: " + e);
        e.printStackTrace(cmd.getErr());
        return INTERNAL_ERROR;
    }
}
