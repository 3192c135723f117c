package dev.akin.index;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Who holds an index's write lock, in a small file beside Lucene's, so that a refused second writer can be told
 * which process to wait for. Lucene's lock is the authority; this file only describes its holder (a stale file
 * left by a crashed writer is overwritten by the next one).
 */
final class WriterInfo {
    static final String FILE = "akin-writer.txt";

    private WriterInfo() {
    }

    static void record(Path index) {
        ProcessHandle self = ProcessHandle.current();
        String command = self.info().commandLine().orElse("java");
        if (command.length() > 300) {
            command = command.substring(0, 300) + "...";
        }
        String text = "pid " + self.pid() + " on " + host() + " since "
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ": " + command + "\n";
        try {
            Path tmp = index.resolve(FILE + ".tmp");
            Files.writeString(tmp, text);
            try {
                Files.move(tmp, index.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, index.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // Only a description for error messages: never a reason to refuse the write.
        }
    }

    /** "pid 1234 on host since ...: command", or a generic phrase when the holder left no description. */
    static String holder(Path index) {
        try {
            return Files.readString(index.resolve(FILE)).strip();
        } catch (IOException e) {
            return "another writer (an 'akin index' or 'akin serve' running on it)";
        }
    }

    static void clear(Path index) {
        try {
            Files.deleteIfExists(index.resolve(FILE));
        } catch (IOException e) {
            // A stale description is harmless: the next writer overwrites it.
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "this host";
        }
    }
}
