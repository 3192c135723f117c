package dev.akin.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class HitValuesTest {
    @Test
    void idTitleAndYearSurviveTheRoundTrip() {
        for (Integer year : new Integer[] {null, 0, 2024, -44, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            HitValues.Shown shown = HitValues.decode(HitValues.encode("arXiv:2401.00001", "A title", year));
            assertThat(shown).isEqualTo(new HitValues.Shown("arXiv:2401.00001", "A title", year));
        }
    }

    @Test
    void multiByteTitlesFitTheBufferSizedForTheWorstCase() {
        String title = "Über 𝔽₂-codes: 量子 ".repeat(500) + "😀";
        assertThat(HitValues.decode(HitValues.encode("é", title, 1999)))
                .isEqualTo(new HitValues.Shown("é", title, 1999));
        assertThat(HitValues.decode(HitValues.encode("", "", null))).isEqualTo(new HitValues.Shown("", "", null));
    }

    @Test
    void aTruncatedValueIsReportedAsDamagedNamingTheField() {
        BytesRef whole = HitValues.encode("id-1", "Some title", 2020);
        BytesRef cut = new BytesRef(whole.bytes, whole.offset, whole.length - 4);
        assertThatThrownBy(() -> HitValues.decode(cut)).isInstanceOf(IndexException.class)
                .hasMessageContaining("'hit'");
    }
}
