package dev.akin.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.akin.embed.ModelFingerprint;
import dev.akin.embed.Pooling;
import dev.akin.embed.Vectors;
import dev.akin.paper.Paper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Passage vectors read with the nearest hits, straight from the hits' documents, on a real index of three
 * segments with an updated paper: each hit gets its own passages, and a paper without any gets none.
 */
class PassageHitsIT {
    private final Random random = new Random(11);

    private float[] unit() {
        float[] v = new float[32];
        for (int d = 0; d < v.length; d++) {
            v[d] = (float) random.nextGaussian();
        }
        return Vectors.normalize(v);
    }

    private IndexedPaper paper(int i) {
        // Every third paper was indexed without passages.
        PassageVectors passages = i % 3 == 0 ? null : PassageVectors.quantize(List.of(unit(), unit(), unit()));
        return new IndexedPaper(new Paper("p" + i, "Paper number " + i + " on topic " + (i % 7), "", null, null,
                null, null, null, "t"), unit(), "", "", passages);
    }

    @Test
    void eachNearestHitCarriesItsOwnPassagesFromTheSameSnapshot(@TempDir Path dir) {
        try (LuceneVectorStore store = LuceneVectorStore.open(dir, IndexSettings.defaults())) {
            store.bindModel(new ModelFingerprint("synthetic", "none", Pooling.MEAN, 32, 256));
            for (int segment = 0; segment < 3; segment++) {
                List<IndexedPaper> papers = new ArrayList<>();
                for (int i = segment * 100; i < segment * 100 + 100; i++) {
                    papers.add(paper(i));
                }
                store.upsert(papers);
                store.commit();
            }
            store.upsert(List.of(paper(4))); // p4's first document is now deleted
            store.commit();
            float[] query = unit();
            String nearest = store.nearest(query, 1, Filter.NONE, Set.of()).hits().getFirst().id();

            PassageHits found = store.nearestWithPassages(query, 60, Filter.NONE, Set.of(nearest),
                    new Shortlist(PassageMatcher.of(query), 0.4, 60));
            assertThat(found.hits().hits()).hasSize(60).extracting(Hit::id).doesNotContain(nearest);
            assertThat(found.hits().hits()).isEqualTo(store.nearest(query, 60, Filter.NONE, Set.of(nearest)).hits());
            for (int i = 0; i < found.hits().hits().size(); i++) {
                Hit hit = found.hits().hits().get(i);
                PassageVectors expected = store.get(hit.id()).orElseThrow().passages();
                PassageVectors read = found.passages().get(i);
                if (expected == null) {
                    assertThat(read).as(hit.id()).isNull();
                } else {
                    assertThat(read).as(hit.id()).isNotNull();
                    assertThat(read.encode()).as(hit.id()).isEqualTo(expected.encode());
                }
            }
            assertThat(found.passages()).hasSize(60).filteredOn(Objects::nonNull).hasSizeBetween(30, 50);

            // A shortlist keeps the candidates with the best rough match, in nearest order, each with its own.
            Shortlist five = new Shortlist(PassageMatcher.of(query), 0.4, 5);
            PassageHits cut = store.nearestWithPassages(query, 60, Filter.NONE, Set.of(nearest), five);
            List<Integer> expected = IntStream.range(0, 60).boxed().sorted(Comparator.comparingDouble(
                    i -> -five.rough(found.hits().hits().get(i).score(), found.passages().get(i)))).limit(5).sorted()
                    .toList();
            assertThat(cut.hits().hits()).isEqualTo(expected.stream().map(found.hits().hits()::get).toList());
            assertThat(stored(cut.passages())).isEqualTo(stored(expected.stream().map(found.passages()::get)
                    .toList()));
            assertThat(cut.hits().exact()).isEqualTo(found.hits().exact());
            assertThatThrownBy(() -> store.nearestWithPassages(query, 5, Filter.NONE, Set.of(), null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a shortlist");

            HybridHits hybrid = store.hybrid(query, LexicalQuery.text("topic 3"), 60, Filter.NONE, Set.of(nearest), true);
            assertThat(hybrid.dense().hits()).isEqualTo(found.hits());
            assertThat(stored(hybrid.dense().passages())).isEqualTo(stored(found.passages()));
            HybridHits without = store.hybrid(query, LexicalQuery.text("topic 3"), 60, Filter.NONE, Set.of(), false);
            assertThat(without.dense().passages()).hasSize(60).containsOnlyNulls();
        }
    }

    private static List<BytesRef> stored(List<PassageVectors> passages) {
        return passages.stream().map(p -> p == null ? null : p.encode()).toList();
    }

    @Test
    void heldKeepsTheHitsThisIndexHoldsWithItsOwnTitlesAcrossSegments(@TempDir Path dir) {
        try (LuceneVectorStore store = LuceneVectorStore.open(dir, IndexSettings.defaults())) {
            store.bindModel(new ModelFingerprint("synthetic", "none", Pooling.MEAN, 32, 256));
            store.upsert(List.of(paper(1), paper(2)));
            store.commit();
            store.upsert(List.of(paper(3)));
            store.commit();
            IndexedPaper renamed = paper(2);
            store.upsert(List.of(new IndexedPaper(new Paper("p2", "Renamed", "", null, null, null, 2020, null, "t"),
                    renamed.vector(), "", "", null)));
            store.delete(List.of("p3"));
            store.commit();

            List<Hit> asked = List.of(new Hit("p3", "old", null, 0.9), new Hit("p2", "old", null, 0.8),
                    new Hit("elsewhere", "x", null, 0.7), new Hit("p1", "old", 1999, 0.6));
            assertThat(store.held(asked)).containsExactly(new Hit("p2", "Renamed", 2020, 0.8),
                    new Hit("p1", "Paper number 1 on topic 1", null, 0.6));
            assertThat(store.held(List.of())).isEmpty();

            // Vectors alone, by id, across segments: the renamed paper's is its new one; a deleted or unknown id's is null.
            List<float[]> vectors = store.vectors(List.of("p2", "p3", "elsewhere", "p1"));
            assertThat(vectors).hasSize(4);
            assertThat(vectors.get(0)).containsExactly(renamed.vector());
            assertThat(vectors.get(1)).isNull();
            assertThat(vectors.get(2)).isNull();
            assertThat(vectors.get(3)).containsExactly(store.get("p1").orElseThrow().vector());
        }
    }
}
