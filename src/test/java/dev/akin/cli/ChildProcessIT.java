package dev.akin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.akin.ChildJvm;
import dev.akin.TestModels;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI as a separate JVM: no network, an unwritable home, and a SIGKILL in the middle of indexing. */
class ChildProcessIT {
    @TempDir
    Path dir;

    private ProcessBuilder akin(String... args) throws IOException {
        return ChildJvm.akin(dir, true, args);
    }

    @Test
    void indexesAndSearchesWithNoNetworkAndAnUnwritableHome() throws Exception {
        Path index = dir.resolve("index");
        Process indexing = akin("index", TestModels.sampleData().toAbsolutePath().toString(), "--index",
                index.toString()).start();
        assertThat(indexing.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(indexing.exitValue()).isZero();
        Process search = akin("search", "harmful fine-tuning", "--index", index.toString(), "--json").start();
        assertThat(search.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(search.exitValue()).isZero();
        assertThat(ids(index)).hasSizeGreaterThan(300);
    }

    @Test
    void killedFiveTimesAtRandomPointsTheIndexStaysACommittedStateAndARerunCompletesIt() throws Exception {
        Path index = dir.resolve("index");
        var random = new java.util.Random(7);
        List<String> previous = List.of();
        for (int kill = 0; kill < 5; kill++) {
            Process indexing = akin("index", TestModels.sampleData().toAbsolutePath().toString(), "--index",
                    index.toString(), "--commit-every", "1", "--threads", "1").start();
            Thread.sleep(1500 + random.nextInt(3000)); // anywhere from model loading to mid-embedding
            if (!indexing.isAlive()) {
                break; // finished before the kill: nothing left to interrupt
            }
            indexing.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
            indexing.waitFor();
            assertThat(checkIndex(index)).as("CheckIndex after kill %d", kill).isTrue();
            List<String> committed = ids(index);
            // Lucene opens only whole commits; each holds everything the one before held, once.
            assertThat(committed).doesNotHaveDuplicates().containsAll(previous);
            previous = committed;
        }
        Process rerun = akin("index", TestModels.sampleData().toAbsolutePath().toString(), "--index",
                index.toString()).start();
        assertThat(rerun.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(rerun.exitValue()).isZero();
        assertThat(checkIndex(index)).isTrue();
        List<String> all = ids(index);
        assertThat(all).hasSizeGreaterThan(300).doesNotHaveDuplicates().containsAll(previous);
    }

    /** Every live id in the last commit; empty when there is no commit yet. */
    private static List<String> ids(Path index) throws IOException {
        List<String> ids = new ArrayList<>();
        if (!Files.isDirectory(index)) {
            return ids;
        }
        try (var directory = FSDirectory.open(index)) {
            if (!DirectoryReader.indexExists(directory)) {
                return ids;
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                for (var leaf : reader.leaves()) {
                    StoredFields stored = leaf.reader().storedFields();
                    var live = leaf.reader().getLiveDocs();
                    for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                        if (live == null || live.get(doc)) {
                            ids.add(stored.document(doc, Set.of("id")).get("id"));
                        }
                    }
                }
            }
        }
        return ids;
    }

    /** CheckIndex's verdict; an index with no commit yet (killed before the first) is the valid empty state. */
    private static boolean checkIndex(Path index) throws IOException {
        try (var directory = FSDirectory.open(index)) {
            if (!DirectoryReader.indexExists(directory)) {
                return true;
            }
        }
        try (var directory = FSDirectory.open(index); CheckIndex check = new CheckIndex(directory)) {
            check.setInfoStream(new PrintStream(new ByteArrayOutputStream()));
            return check.checkIndex().clean;
        }
    }
}
