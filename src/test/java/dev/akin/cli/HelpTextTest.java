package dev.akin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's help renders as written: picocli reads descriptions as format strings, so a bare % breaks one. */
class HelpTextTest {
    @Test
    void everyCommandsHelpRendersWithoutAPicocliWarning() {
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        int commands = 0;
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
        try {
            Deque<CommandLine> todo = new ArrayDeque<>();
            todo.add(new CommandLine(new AkinCommand()));
            while (!todo.isEmpty()) {
                CommandLine command = todo.pop();
                assertThat(command.getUsageMessage(CommandLine.Help.Ansi.OFF)).as(command.getCommandName())
                        .doesNotContain("%n");
                commands++;
                todo.addAll(command.getSubcommands().values());
            }
        } finally {
            System.setErr(stderr);
        }
        assertThat(commands).as("commands and subcommands").isGreaterThan(5);
        assertThat(warnings.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void helpOnASubcommandPrintsItsUsageAndExitsZeroDespiteMissingParameters() {
        for (String[] args : new String[][] {{"search", "--help"}, {"similar", "-h"}, {"eval", "beir", "--help"}}) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
            String command = String.join(" ", args);
            assertThat(exit).as(command + ": " + err).isZero();
            assertThat(out.toString()).as(command).startsWith("Usage: akin " + args[0]).contains("--help");
            assertThat(err.toString()).as(command).isEmpty();
        }
    }
}
