package dev.akin.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class PoolingAndVectorsTest {
    // batch of 2, 3 tokens, dim 2; the second sequence has one padding token
    private final float[] hidden = {1, 2, 3, 4, 5, 6, /* row 2 */ 10, 20, 30, 40, 99, 99};
    private final long[] mask = {1, 1, 1, 1, 1, 0};

    @Test
    void meanPoolingIgnoresPadding() {
        float[][] pooled = Pooling.MEAN.pool(hidden, mask, 2, 3, 2);
        assertThat(pooled[0]).containsExactly(3f, 4f);
        assertThat(pooled[1]).containsExactly(20f, 30f);
    }

    @Test
    void clsPoolingTakesTheFirstToken() {
        float[][] pooled = Pooling.CLS.pool(hidden, mask, 2, 3, 2);
        assertThat(pooled[0]).containsExactly(1f, 2f);
        assertThat(pooled[1]).containsExactly(10f, 20f);
    }

    @Test
    void poolingRejectsMismatchedShapes() {
        assertThatThrownBy(() -> Pooling.MEAN.pool(hidden, mask, 2, 3, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2x3x3");
    }

    @Test
    void normalizeMakesUnitLengthAndLeavesZeroAlone() {
        assertThat(Vectors.normalize(new float[] {3, 4})).containsExactly(0.6f, 0.8f);
        assertThat(Vectors.normalize(new float[] {0, 0})).containsExactly(0f, 0f);
    }

    @Test
    void rocchioMovesTowardLikedAndAwayFromUnliked() {
        float[] liked = {1, 0, 0};
        float[] alsoLiked = {0, 1, 0};
        float[] unliked = {0, 1, 0};
        float[] likeOnly = Vectors.rocchio(List.of(liked, alsoLiked), List.of(), 0.5f);
        assertThat(likeOnly[0]).isCloseTo(likeOnly[1], within(1e-6f));
        float[] q = Vectors.rocchio(List.of(liked, alsoLiked), List.of(unliked), 0.5f);
        assertThat(Vectors.dot(q, q)).isCloseTo(1.0, within(1e-6));
        assertThat(q[0]).isGreaterThan(q[1]);
        assertThatThrownBy(() -> Vectors.rocchio(List.of(), List.of(unliked), 0.5f))
                .hasMessageContaining("liked");
    }

    @Test
    void blendWeighsTwoVectorsAndReturnsAUnitVector() {
        float[] a = {1, 0, 0};
        float[] b = {0, 1, 0};
        float[] even = Vectors.blend(a, b, 0.5);
        assertThat(even[0]).isCloseTo((float) Math.sqrt(0.5), within(1e-6f));
        assertThat(even[1]).isCloseTo((float) Math.sqrt(0.5), within(1e-6f));
        assertThat(Vectors.blend(a, b, 1)).containsExactly(1, 0, 0);
        float[] mostlyB = Vectors.blend(a, b, 0.2);
        assertThat(mostlyB[1]).isGreaterThan(mostlyB[0]);
        assertThat(Vectors.dot(mostlyB, mostlyB)).isCloseTo(1, within(1e-6));
        assertThat(a).as("arguments untouched").containsExactly(1, 0, 0);
        assertThatThrownBy(() -> Vectors.blend(a, b, 1.5)).hasMessageContaining("1.5");
        assertThatThrownBy(() -> Vectors.blend(a, new float[2], 0.5)).hasMessageContaining("3 vs 2");
    }

    @Test
    void batchesAreSortedByLengthAndPaddedToTheLongestInEach() {
        List<long[]> ids = List.of(new long[] {1, 2, 3, 4}, new long[] {5}, new long[] {6, 7}, new long[] {8, 9, 10});
        List<TokenBatch> batches = TokenBatch.plan(ids, 2);
        assertThat(batches).hasSize(2);
        assertThat(batches.get(0).positions()).containsExactly(1, 2);
        assertThat(batches.get(0).length()).isEqualTo(2);
        assertThat(batches.get(0).ids()).containsExactly(5, 0, 6, 7);
        assertThat(batches.get(0).mask()).containsExactly(1, 0, 1, 1);
        assertThat(batches.get(1).positions()).containsExactly(3, 0);
        assertThat(batches.get(1).length()).isEqualTo(4);
    }

    @Test
    void fingerprintsNameTheirDifferences() {
        var a = new ModelFingerprint("m", "aaaaaaaaaaaaaaaa", Pooling.MEAN, 384, 256);
        var b = new ModelFingerprint("m", "bbbbbbbbbbbbbbbb", Pooling.MEAN, 384, 128);
        assertThat(a.difference(a)).isEmpty();
        assertThat(a.difference(b)).hasValueSatisfying(d -> assertThat(d).contains("checksum").contains("256 vs 128"));
        assertThat(ModelFingerprint.fromMap(a.toMap())).contains(a);
    }
}
