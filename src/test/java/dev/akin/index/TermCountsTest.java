package dev.akin.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class TermCountsTest {
    private final Analyzer analyzer = LuceneDocs.analyzer();

    @Test
    void countsTheLexicalFieldsStemmedTermsInFirstSeenOrderWithoutStopWords() {
        TermCounts counts = TermCounts.of(analyzer, "Learning to rank. The ranking learns ranks of RANKED papers");
        assertThat(counts.toString()).isEqualTo("{learn=2, rank=4, paper=1}");
    }

    @Test
    void termsAndCountsSurviveTheRoundTripWhateverTheirCharacters() {
        for (String text : new String[] {"", "the of and", "Über 𝔽₂-codes: 量子 😀 ".repeat(300) + "word ".repeat(200)}) {
            TermCounts counts = TermCounts.of(analyzer, text);
            assertThat(TermCounts.decode(counts.encode())).isEqualTo(counts);
        }
        assertThat(TermCounts.of(analyzer, "word ".repeat(200)).count(0)).isEqualTo(200);
    }

    @Test
    void aDamagedValueIsReportedNamingTheField() {
        BytesRef whole = TermCounts.of(analyzer, "dense retrieval with sparse lexical signals").encode();
        BytesRef cut = new BytesRef(whole.bytes, whole.offset, whole.length - 3);
        BytesRef longer = new BytesRef(java.util.Arrays.copyOf(whole.bytes, whole.length + 2));
        BytesRef huge = new BytesRef(new byte[] {(byte) 0xff, (byte) 0xff, 0x7f, 1, 1, 'a'});
        for (BytesRef damaged : new BytesRef[] {cut, longer, huge}) {
            assertThatThrownBy(() -> TermCounts.decode(damaged)).isInstanceOf(IndexException.class)
                    .hasMessageContaining("'terms'");
        }
    }
}
