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
    void indexesAndSearchesWithNoNetworkAndAnUnwritableHome() throws IOException, InterruptedException {
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
    void killedFiveTimesAtRandomPointsTheIndexStaysACommittedStateAndARerunCompletesIt()
            throws IOException, InterruptedException {
        // A few thousand real abstracts (SciFact's first 2,000), with the int8 model so that a run takes ~20 s.
        Path corpus = dir.resolve("papers.jsonl");
        try (var lines = Files.lines(Path.of("../shared/data/scifact/corpus.jsonl"))) {
            Files.write(corpus, lines.limit(2000).toList());
        }
        Path index = dir.resolve("index");
        String[] run = {"index", corpus.toString(), "--index", index.toString(), "--model", "all-minilm-l6-v2-q"};
        var random = new java.util.Random(7);
        List<String> previous = List.of();
        int kills = 0;
        for (int attempt = 0; attempt < 8 && kills < 5; attempt++) {
            Process indexing = akin(concat(run, "--commit-every", "1")).start();
            if (kills % 2 == 0) {
                Thread.sleep(2000 + random.nextInt(6000)); // anywhere from model loading to mid-embedding
            } else {
                // Every other kill lands just after a new commit, so progress is kept even on a busy machine,
                // where the timed kills can all land before the first commit.
                awaitCommitBeyond(index, previous.size(), indexing);
                Thread.sleep(random.nextInt(1500));
            }
            if (!indexing.isAlive()) {
                break; // finished before the kill: nothing left to interrupt
            }
            indexing.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
            indexing.waitFor();
            kills++;
            assertThat(checkIndex(index)).as("CheckIndex after kill %d", kills).isTrue();
            List<String> committed = ids(index);
            // Lucene opens only whole commits; each holds everything the one before held, once.
            assertThat(committed).doesNotHaveDuplicates().containsAll(previous);
            previous = committed;
        }
        assertThat(kills).as("kills that landed mid-run").isGreaterThanOrEqualTo(5);
        assertThat(previous).as("progress kept across kills").isNotEmpty();
        Process rerun = akin(run).start();
        assertThat(rerun.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(rerun.exitValue()).isZero();
        assertThat(checkIndex(index)).isTrue();
        assertThat(ids(index)).hasSize(2000).doesNotHaveDuplicates().containsAll(previous);
    }

    private static void awaitCommitBeyond(Path index, int papers, Process indexing)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (indexing.isAlive() && ids(index).size() <= papers && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
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
