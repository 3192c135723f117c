package dev.akin.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.akin.TestModels;
import dev.akin.embed.ModelFingerprint;
import dev.akin.embed.Pooling;
import dev.akin.embed.Vectors;
import dev.akin.paper.CollectingSink;
import dev.akin.paper.Inputs;
import dev.akin.paper.Paper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A paper-to-paper BM25 query reads the terms indexed with the paper instead of analyzing its text again, on a real
 * index of the bundled papers (two segments, updated papers): the answers are the ones the text gives, and a paper
 * written without terms (before layout 4) still gets them, from its text.
 */
class StoredTermsIT {
    private final Random random = new Random(5);

    private IndexedPaper indexed(Paper paper) {
        // The vectors play no part in a lexical query.
        float[] v = new float[16];
        for (int d = 0; d < v.length; d++) {
            v[d] = (float) random.nextGaussian();
        }
        return new IndexedPaper(paper, Vectors.normalize(v), "", "");
    }

    @Test
    void aStoredPapersIndexedTermsGiveTheAnswersItsTextGivesAndPapersWithoutThemFallBackToTheirText(
            @TempDir Path dir) throws IOException {
        CollectingSink sink = new CollectingSink();
        Inputs.of(List.of(TestModels.sampleData())).read(sink);
        Map<String, Paper> papers = new LinkedHashMap<>();
        sink.papers.forEach(p -> papers.putIfAbsent(p.id(), p));
        List<IndexedPaper> all = papers.values().stream().map(this::indexed).toList();
        assertThat(all).hasSizeGreaterThan(100);
        Path current = dir.resolve("current");
        try (LuceneVectorStore store = LuceneVectorStore.open(current, IndexSettings.defaults())) {
            store.bindModel(new ModelFingerprint("synthetic", "none", Pooling.MEAN, 16, 256));
            store.upsert(all.subList(0, all.size() / 2));
            store.commit();
            store.upsert(all.subList(all.size() / 3, all.size())); // a sixth written twice, the first deleted
            store.commit();
            int compared = 0;
            for (Paper paper : papers.values()) {
                Set<String> skip = Set.of(paper.id());
                List<Hit> byText = store.lexical(LexicalQuery.text(paper.embeddingText()), 10, Filter.NONE, skip)
                        .hits();
                assertThat(store.lexical(LexicalQuery.paper(paper.id(), paper.embeddingText()), 10, Filter.NONE,
                        skip).hits()).as(paper.id()).isEqualTo(byText);
                if (compared++ % 10 == 0) {
                    // Only the stored terms can give these answers: the text given is another paper's.
                    assertThat(store.lexical(LexicalQuery.paper(paper.id(), "graph neural networks"), 10,
                            Filter.NONE, skip).hits()).as(paper.id()).isEqualTo(byText);
                }
            }
            assertThat(store.lexical(LexicalQuery.paper("no-such-paper", "graph neural networks"), 10, Filter.NONE,
                    Set.of()).hits()).as("an unknown paper: its text")
                    .isEqualTo(store.lexical(LexicalQuery.text("graph neural networks"), 10, Filter.NONE, Set.of())
                            .hits());
        }

        Path older = dir.resolve("older");
        try (var directory = FSDirectory.open(older); var analyzer = LuceneDocs.analyzer();
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (IndexedPaper paper : all) {
                Document doc = LuceneDocs.toDocument(paper, analyzer);
                doc.removeFields(LuceneDocs.TERMS);
                writer.addDocument(doc);
            }
            writer.commit();
        }
        try (LuceneVectorStore without = LuceneVectorStore.open(older, IndexSettings.defaults())) {
            for (Paper paper : new ArrayList<>(papers.values()).subList(0, 40)) {
                Set<String> skip = Set.of(paper.id());
                List<Hit> byText = without.lexical(LexicalQuery.text(paper.embeddingText()), 10, Filter.NONE, skip)
                        .hits();
                assertThat(byText).isNotEmpty();
                assertThat(without.lexical(LexicalQuery.paper(paper.id(), paper.embeddingText()), 10, Filter.NONE,
                        skip).hits()).as(paper.id()).isEqualTo(byText);
            }
        }
    }
}
