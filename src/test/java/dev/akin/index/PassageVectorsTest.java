package dev.akin.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.akin.embed.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class PassageVectorsTest {
    private final Random random = new Random(11);

    private float[] unit() {
        float[] v = new float[384];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return Vectors.normalize(v);
    }

    @Test
    void int8DotProductsStayWithinAHundredthOfTheFloatOnes() {
        List<float[]> a = List.of(unit(), unit(), unit());
        List<float[]> b = List.of(unit(), a.get(1).clone());
        PassageVectors qa = PassageVectors.quantize(a);
        PassageVectors qb = PassageVectors.quantize(b);
        for (int i = 0; i < a.size(); i++) {
            for (int j = 0; j < b.size(); j++) {
                assertThat(qa.dot(i, qb, j)).isCloseTo(Vectors.dot(a.get(i), b.get(j)), within(0.01));
            }
        }
        assertThat(qa.dot(1, qb, 1)).isCloseTo(1.0, within(0.01));
    }

    @Test
    void meanMaxAveragesEachPassagesBestMatchAndIsNotSymmetric() {
        float[] x = unit();
        float[] y = unit();
        float[] z = unit();
        PassageVectors query = PassageVectors.quantize(List.of(x));
        PassageVectors doc = PassageVectors.quantize(List.of(y, x, z));
        // The query's one sentence is in the document: a full match, whatever else the document says.
        assertThat(query.meanMax(doc)).isCloseTo(1.0, within(0.01));
        // The document's three sentences, one matched: about a third.
        double expected = (Vectors.dot(y, x) + 1 + Vectors.dot(z, x)) / 3;
        assertThat(doc.meanMax(query)).isCloseTo(expected, within(0.01));
    }

    @Test
    void theStoredFormReadsBackExactly() {
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            vectors.add(unit());
        }
        PassageVectors p = PassageVectors.quantize(vectors);
        PassageVectors back = PassageVectors.decode(p.encode());
        assertThat(back.size()).isEqualTo(7);
        assertThat(back.encode()).isEqualTo(p.encode());
        for (int i = 0; i < 7; i++) {
            assertThat(back.scale(i)).isEqualTo(p.scale(i));
            for (int d = 0; d < 384; d++) {
                assertThat(back.code(i, d)).isEqualTo(p.code(i, d));
            }
        }
    }

    @Test
    void damagedOrInconsistentVectorsAreRefusedWithTheNumbers() {
        BytesRef stored = PassageVectors.quantize(List.of(unit(), unit())).encode();
        BytesRef cut = new BytesRef(stored.bytes, 0, stored.length - 5);
        assertThatThrownBy(() -> PassageVectors.decode(cut)).isInstanceOf(IndexException.class)
                .hasMessageContaining("2 x 384 in " + cut.length + " bytes");
        BytesRef none = new BytesRef(new byte[8]);
        assertThatThrownBy(() -> PassageVectors.decode(none)).hasMessageContaining("0 x 0 in 8 bytes");
        assertThatThrownBy(() -> PassageVectors.decode(new BytesRef(new byte[5])))
                .hasMessageContaining("5 bytes, shorter than their 8-byte header");
        assertThatThrownBy(() -> PassageVectors.quantize(List.of())).hasMessageContaining("got 0");
        assertThatThrownBy(() -> PassageVectors.quantize(List.of(new float[3], new float[4])))
                .hasMessageContaining("4 vs 3");
        PassageVectors small = PassageVectors.quantize(List.of(new float[] {1, 0}));
        assertThatThrownBy(() -> small.meanMax(PassageVectors.quantize(List.of(unit()))))
                .hasMessageContaining("2 vs 384");
    }
}
