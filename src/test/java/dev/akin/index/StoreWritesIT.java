package dev.akin.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.akin.embed.ModelFingerprint;
import dev.akin.embed.Pooling;
import dev.akin.embed.Vectors;
import dev.akin.paper.Paper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store's own writes, before they are committed, on a real index. */
class StoreWritesIT {
    private static final ModelFingerprint MODEL = new ModelFingerprint("synthetic", "none", Pooling.MEAN, 4, 256);

    @TempDir
    Path dir;

    @Test
    void aPaperUpsertedAMomentAgoIsDeletedByTheNextDelete() {
        try (LuceneVectorStore store = LuceneVectorStore.open(dir, IndexSettings.defaults())) {
            store.bindModel(MODEL);
            store.upsert(List.of(paper("a"), paper("b")));
            assertThat(store.delete(List.of("a", "a", "unknown"))).isEqualTo(1);
            store.commit();
            assertThat(store.get("a")).isEmpty();
            assertThat(store.get("b")).isPresent();
        }
    }

    @Test
    void readsWhileIndexingDoNotCutTheWritersBufferIntoSegments() throws InterruptedException {
        try (LuceneVectorStore store = LuceneVectorStore.open(dir, IndexSettings.defaults())) {
            store.bindModel(MODEL);
            store.upsert(List.of(paper("a")));
            store.commit();
            for (String id : List.of("b", "c", "d")) {
                store.upsert(List.of(paper(id)));
                // Longer than the interval after which reads look for other processes' commits.
                Thread.sleep(1_100);
                store.get("a");
            }
            store.commit();
            assertThat(store.count()).isEqualTo(4);
            assertThat(store.stats().segments()).isEqualTo(2);
        }
    }

    private static IndexedPaper paper(String id) {
        return new IndexedPaper(new Paper(id, "Paper " + id, "", null, null, null, null, null, "t"),
                Vectors.normalize(new float[] {1, id.charAt(0), 0, 1}), "", "");
    }
}
