package dev.akin.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.FixedBitSet;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The term-at-a-time arithmetic: per-document sums and the best n, without an index. */
class TermAtATimeTest {
    @Test
    void theHashedScoresSumPerDocumentThroughCollisions() {
        SegmentScores.Sparse scores = new SegmentScores.Sparse(1_000, 1 << 20);
        Map<Integer, Double> expected = new HashMap<>();
        Random random = new Random(3);
        for (int i = 0; i < 1_000; i++) {
            // Doc ids spaced by a power of two collide in their low bits: the hash must spread them.
            int doc = random.nextInt(400) * 1024;
            double score = random.nextDouble();
            scores.add(doc, score);
            expected.merge(doc, score, Double::sum);
        }
        Map<Integer, Double> summed = new HashMap<>();
        for (int i = 0; i < scores.size(); i++) {
            assertThat(summed.put(scores.doc(i), scores.score(i))).as("doc %d listed once", scores.doc(i)).isNull();
        }
        assertThat(summed.keySet()).isEqualTo(expected.keySet());
        expected.forEach((doc, score) -> assertThat(summed.get(doc)).isCloseTo(score, Offset.offset(1e-9)));
        scores.sortByDoc();
        for (int i = 1; i < scores.size(); i++) {
            assertThat(scores.doc(i)).isGreaterThan(scores.doc(i - 1));
            assertThat(scores.score(i)).isCloseTo(expected.get(scores.doc(i)), Offset.offset(1e-9));
        }
    }

    @Test
    void hashedScoresForNoPostingsStillHoldWhatIsAdded() {
        SegmentScores.Sparse scores = new SegmentScores.Sparse(0, 1_000_000);
        scores.add(5, 1.5);
        scores.add(5, 0.5);
        scores.add(999_999, 1);
        assertThat(scores.size()).isEqualTo(2);
        assertThat(scores.doc(0)).isEqualTo(5);
        assertThat(scores.score(0)).isEqualTo(2.0);
    }

    @Test
    void denseAndHashedScoresCollectTheSameBestLiveDocuments() throws IOException {
        Random random = new Random(5);
        int maxDoc = 3_000;
        FixedBitSet live = new FixedBitSet(maxDoc);
        live.set(0, maxDoc);
        for (int d = 0; d < maxDoc; d += 11) {
            live.clear(d);
        }
        assertThat(SegmentScores.of(maxDoc / 4, maxDoc)).isInstanceOf(SegmentScores.Dense.class);
        assertThat(SegmentScores.of(maxDoc / 4 - 1, maxDoc)).isInstanceOf(SegmentScores.Sparse.class);
        SegmentScores dense = new SegmentScores.Dense(maxDoc);
        // Sized for every posting added below, as a query sizes it.
        SegmentScores sparse = new SegmentScores.Sparse(20 * 300, maxDoc);
        Map<Integer, Double> expected = new HashMap<>();
        for (int term = 0; term < 20; term++) {
            int n = 1 + random.nextInt(300);
            int[] docs = random.ints(n, 0, maxDoc).distinct().sorted().toArray();
            float[] scores = new float[docs.length];
            for (int i = 0; i < docs.length; i++) {
                // Few distinct values, so that many documents tie.
                scores[i] = 0.5f * (1 + random.nextInt(4));
                expected.merge(docs[i], 3.0 * scores[i], Double::sum);
            }
            dense.add(docs, scores, 3);
            sparse.add(docs, scores, 3);
        }
        for (int n : new int[] {1, 10, 100, 5_000}) {
            Best fromDense = new Best(n);
            dense.collect(live, null, 7, fromDense);
            Best fromSparse = new Best(n);
            sparse.collect(live, null, 7, fromSparse);
            List<int[]> want = new ArrayList<>();
            expected.forEach((doc, score) -> {
                if (live.get(doc)) {
                    want.add(new int[] {doc + 7, Float.floatToIntBits((float) (double) score)});
                }
            });
            want.sort(Comparator.<int[]>comparingDouble(e -> -Float.intBitsToFloat(e[1])).thenComparingInt(e -> e[0]));
            List<Integer> wantDocs = want.stream().limit(n).map(e -> e[0]).toList();
            assertThat(docs(fromDense.toScoreDocs())).as("dense, n=%d", n).isEqualTo(wantDocs);
            assertThat(docs(fromSparse.toScoreDocs())).as("hashed, n=%d", n).isEqualTo(wantDocs);
        }
    }

    @Test
    void theBestKeepsTheHighestScoresAndOfEqualOnesTheLowerDocs() {
        Best best = new Best(3);
        assertThat(best.floor()).isEqualTo(Float.MIN_VALUE);
        best.offer(9, 2f);
        best.offer(4, 0f); // not a match
        best.offer(8, 1f);
        best.offer(7, 1f);
        assertThat(best.floor()).isEqualTo(1f);
        best.offer(3, 1f); // ties the lowest, with a lower doc: displaces doc 8
        best.offer(1, 0.5f);
        ScoreDoc[] top = best.toScoreDocs();
        assertThat(docs(top)).containsExactly(9, 3, 7);
        assertThat(top[0].score).isEqualTo(2f);
        assertThat(new Best(5).toScoreDocs()).isEmpty();
        assertThatThrownBy(() -> new Best(0)).hasMessageContaining("got 0");
    }

    private static List<Integer> docs(ScoreDoc[] docs) {
        List<Integer> out = new ArrayList<>();
        for (ScoreDoc doc : docs) {
            out.add(doc.doc);
        }
        return out;
    }
}
