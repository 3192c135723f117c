package dev.akin.cli;

import picocli.CommandLine;

/** The {@code akin} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Logging.configure(args);
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (the process exits only in {@link #main}). */
    public static int run(String... args) {
        return new CommandLine(new AkinCommand())
                .setExecutionExceptionHandler(new ErrorHandler())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args);
    }
}
