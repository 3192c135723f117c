package dev.akin;

import dev.akin.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The akin CLI in a separate JVM, as a user runs it: its own process, its own locks, its own native memory. */
public final class ChildJvm {
    private ChildJvm() {
    }

    /**
     * A process running {@code akin ARGS --models <test models>}, its output in a log file under {@code dir}.
     *
     * @param offline run it in a network namespace with no interfaces, with an unreadable home, when possible
     */
    public static ProcessBuilder akin(Path dir, boolean offline, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        if (offline && canUnshareNetwork()) {
            command.addAll(List.of("unshare", "-n")); // a network namespace with no interfaces at all
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("tmp"))));
        if (offline) {
            command.add("-Duser.home=/proc/akin-no-home");
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        command.addAll(List.of("--models", TestModels.dir().toAbsolutePath().toString()));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child-" + System.nanoTime() + ".log").toFile());
    }

    /** Everything the process wrote to stdout and stderr. */
    public static String output(ProcessBuilder builder) throws IOException {
        return Files.readString(builder.redirectOutput().file().toPath());
    }

    private static boolean canUnshareNetwork() {
        try {
            return new ProcessBuilder("unshare", "-n", "true").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
