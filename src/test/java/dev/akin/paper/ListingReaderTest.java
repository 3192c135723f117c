package dev.akin.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListingReaderTest {
    private final CollectingSink sink = new CollectingSink();
    private final List<Paper> papers = sink.papers;
    private final List<Skipped> skipped = sink.skipped;

    private void read(String text) {
        new ListingReader().read(
                new Lines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.txt"), sink);
    }

    @Test
    void readsOneLineLayoutSplittingTitleFromAbstract() {
        read("- LoRA Training in the NTK Regime has No Spurious Local Minima Low-rank adaptation (LoRA) has become"
                + " the standard approach. 3 authors · Feb 19, 2024\n"
                + "18 Spurious Correlations in Machine Learning: A Survey Machine learning systems are known to be"
                + " sensitive. 6 authors · Feb 26 2\n");
        assertThat(papers).extracting(Paper::title).containsExactly(
                "LoRA Training in the NTK Regime has No Spurious Local Minima",
                "Spurious Correlations in Machine Learning: A Survey");
        assertThat(papers.get(0).abstractText()).startsWith("Low-rank adaptation (LoRA) has become");
        assertThat(papers.get(0).authorCount()).isEqualTo(3);
        assertThat(papers.get(0).date()).isEqualTo(LocalDate.of(2024, 2, 19));
        assertThat(papers.get(1).year()).as("'Feb 26' has no year").isNull();
        assertThat(papers.get(1).authorCount()).isEqualTo(6);
    }

    @Test
    void readsTitleAbstractPairsWithAndWithoutBlankLinesAndDropsChrome() {
        read("Get trending papers in your email inbox!\nSubscribeTowards Stable and Faithful Inpainting\n"
                + "Recent progress in inpainting relies on generative models.\nSecond Title\nSecond abstract text.\n\n"
                + "Daily Papers\n\nThird Title\n\nThird abstract.\n");
        assertThat(papers).extracting(Paper::title)
                .containsExactly("Towards Stable and Faithful Inpainting", "Second Title", "Third Title");
        assertThat(papers).extracting(Paper::abstractText).containsExactly(
                "Recent progress in inpainting relies on generative models.", "Second abstract text.",
                "Third abstract.");
        assertThat(skipped).isEmpty();
    }

    @Test
    void readsBlockLayoutWithAuthorsDateAndUpvotes() {
        read("new\n\nbyAK and the research community\n\nOct 30\n\nA Title\n\nAn abstract.\n\n  • 4 authors\n·\n"
                + "Jun 13, 2024 1\n\nNext Title\n\nNext abstract.\n\n  • 1 author\n·\nJun 9\n");
        assertThat(papers).hasSize(2);
        assertThat(papers.get(0).authorCount()).isEqualTo(4);
        assertThat(papers.get(0).date()).isEqualTo(LocalDate.of(2024, 6, 13));
        assertThat(papers.get(1).title()).isEqualTo("Next Title");
        assertThat(papers.get(1).authorCount()).isEqualTo(1);
        assertThat(papers.get(1).date()).isNull();
    }

    @Test
    void reportsAnOrphanAbstractWithItsLineAndKeepsGoing() {
        String prose = "This abstract has lost its title. It goes on for a while. It has several sentences. "
                .repeat(5);
        read("Good Title\nGood abstract.\n  • 2 authors\n·\nJan 1, 2020\n" + prose + "\nLater Title\nLater abstract.\n");
        assertThat(skipped).extracting(Skipped::location).containsExactly("t.txt:6");
        assertThat(skipped.getFirst().reason()).contains("no title");
        assertThat(papers).extracting(Paper::title).containsExactly("Good Title", "Later Title");
    }

    @Test
    void givesTheSamePaperTheSameIdWhateverTheLayout() {
        read("- Booster: Tackling Harmful Fine-tuning This paper studies the attack surface. 2 authors · Jan 2, 2024\n"
                + "Booster: Tackling  harmful fine-tuning\nThis paper studies the attack surface.\n");
        assertThat(papers).hasSize(2);
        assertThat(papers.get(0).id()).isEqualTo(papers.get(1).id()).isEqualTo("booster-tackling-harmful-fine-tuning");
    }
}
