package dev.akin.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentencesTest {
    @Test
    void theTitleLineIsOneSentenceAndTheAbstractIsSplitWhereSentencesEnd() {
        assertThat(Sentences.of("Booster: Tackling Harmful Fine-tuning\nWe study attacks. We propose a defense, "
                + "e.g. Booster. It works in practice!")).containsExactly("Booster: Tackling Harmful Fine-tuning",
                "We study attacks.", "We propose a defense, e.g. Booster.", "It works in practice!");
    }

    @Test
    void shortFragmentsJoinTheSentenceBefore() {
        assertThat(Sentences.of("Results improve by 3.5 points. Ok. Then more text follows here."))
                .containsExactly("Results improve by 3.5 points. Ok.", "Then more text follows here.");
    }

    @Test
    void emptyTextHasNoSentencesAndALongOneIsCut() {
        assertThat(Sentences.of("  ")).isEmpty();
        assertThat(Sentences.of("This is a sentence. ".repeat(100))).hasSize(Sentences.MAX_SENTENCES);
    }
}
