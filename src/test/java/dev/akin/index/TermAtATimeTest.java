package dev.akin.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class TermAtATimeTest {
    @Test
    void theHashedTableSumsScoresPerDocumentThroughCollisions() {
        sumsPerDocument(new TermAtATime.Table(1_000, 1 << 20), 1024);
    }

    @Test
    void theDenseTableSumsScoresPerDocument() {
        sumsPerDocument(new TermAtATime.Table(1_000, 400), 1);
    }

    private static void sumsPerDocument(TermAtATime.Table table, int spacing) {
        Map<Integer, Double> expected = new HashMap<>();
        Random random = new Random(3);
        for (int i = 0; i < 1_000; i++) {
            // Doc ids spaced by a power of two collide in their low bits: the hash must spread them.
            int doc = random.nextInt(400) * spacing;
            double score = random.nextDouble();
            table.add(doc, score);
            expected.merge(doc, score, Double::sum);
        }
        Map<Integer, Double> summed = new HashMap<>();
        for (int i = 0; i < table.size(); i++) {
            assertThat(summed.put(table.doc(i), table.score(i))).as("doc %d listed once", table.doc(i)).isNull();
        }
        assertThat(summed.keySet()).isEqualTo(expected.keySet());
        expected.forEach((doc, score) -> assertThat(summed.get(doc)).isCloseTo(score, Offset.offset(1e-9)));
        table.sortByDoc();
        for (int i = 1; i < table.size(); i++) {
            assertThat(table.doc(i)).isGreaterThan(table.doc(i - 1));
            assertThat(table.score(i)).isCloseTo(expected.get(table.doc(i)), Offset.offset(1e-9));
        }
    }

    @Test
    void aTableForNoPostingsStillHoldsWhatIsAdded() {
        TermAtATime.Table table = new TermAtATime.Table(0, 1_000_000);
        table.add(5, 1.5);
        table.add(5, 0.5);
        table.add(999_999, 1);
        assertThat(table.size()).isEqualTo(2);
        assertThat(table.doc(0)).isEqualTo(5);
        assertThat(table.score(0)).isEqualTo(2.0);
    }
}
