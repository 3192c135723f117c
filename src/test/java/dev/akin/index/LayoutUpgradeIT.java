package dev.akin.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.akin.TestModels;
import dev.akin.search.Akin;
import dev.akin.search.AkinConfig;
import dev.akin.search.IndexOptions;
import dev.akin.search.IndexProgress;
import dev.akin.search.IndexReport;
import dev.akin.search.Retrieval;
import dev.akin.search.SearchOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.nio.file.Files;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.util.Bits;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An index written before lexical search (layout 1: no BM25 field, no hit doc values, no layout in the commit data)
 * keeps answering dense queries, says what to do for the others, and is upgraded by the next indexing run without
 * inference.
 */
class LayoutUpgradeIT {
    @TempDir
    Path dir;

    @Test
    void anIndexFromBeforeLexicalSearchIsRewrittenByTheNextRunWithoutInference() throws IOException {
        Path current = dir.resolve("current");
        Path old = dir.resolve("old");
        long papers = indexSampleDataInBothLayouts(current, old);

        SearchOptions hybrid = SearchOptions.DEFAULTS.with(Retrieval.parse("hybrid"));
        SearchOptions dense = SearchOptions.DEFAULTS.with(Retrieval.DENSE);
        List<Hit> expected;
        try (Akin akin = Akin.open(AkinConfig.at(current, TestModels.dir()))) {
            expected = akin.search("harmful fine-tuning", 3, Filter.NONE, dense).results();
        }
        try (Akin akin = Akin.open(AkinConfig.at(old, TestModels.dir()))) {
            assertThat(akin.stats().lexical()).isFalse();
            assertThat(akin.search("harmful fine-tuning", 3, Filter.NONE, dense).results())
                    .as("hits read from stored fields where the hit doc values are missing").isEqualTo(expected);
            assertThatThrownBy(() -> akin.search("harmful fine-tuning", 3, Filter.NONE, hybrid))
                    .isInstanceOf(IndexException.class).hasMessageContaining("no lexical field")
                    .hasMessageContaining("akin index");

            IndexReport upgrade = akin.index(List.of(TestModels.sampleData()), IndexOptions.defaults(),
                    IndexProgress.NONE);
            assertThat(upgrade.updated()).isEqualTo(papers);
            assertThat(upgrade.embedded()).as("stored vectors reused").isZero();
            assertThat(akin.stats().lexical()).isTrue();
            assertThat(akin.search("harmful fine-tuning", 3, Filter.NONE, hybrid).results()).hasSize(3);
            assertThat(akin.search("harmful fine-tuning", 3, Filter.NONE, dense).results()).isEqualTo(expected);
        }
        try (Akin akin = Akin.open(AkinConfig.at(old, TestModels.dir()))) {
            assertThat(akin.stats().lexical()).as("the layout is in the commit").isTrue();
            assertThat(akin.index(List.of(TestModels.sampleData()), IndexOptions.defaults(), IndexProgress.NONE)
                    .unchanged()).isEqualTo(papers);
        }
    }

    @Test
    void aRunOverSomeOfTheInputsUpgradesEveryPaperInTheIndex() throws IOException {
        Path old = dir.resolve("old");
        long papers = indexSampleDataInBothLayouts(dir.resolve("current"), old);
        Path oneFile;
        try (var files = Files.list(TestModels.sampleData())) {
            oneFile = files.sorted().findFirst().orElseThrow();
        }
        try (Akin akin = Akin.open(AkinConfig.at(old, TestModels.dir()))) {
            IndexReport partial = akin.index(List.of(oneFile), IndexOptions.defaults(), IndexProgress.NONE);
            assertThat(partial.updated()).isLessThan(papers);
            assertThat(partial.papers()).isEqualTo(papers);
        }
        try (var directory = FSDirectory.open(old); DirectoryReader reader = DirectoryReader.open(directory)) {
            assertThat(reader.numDocs()).isEqualTo((int) papers);
            int withTerms = 0;
            for (LeafReaderContext leaf : reader.leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                BinaryDocValues terms = DocValues.getBinary(leaf.reader(), LuceneDocs.TERMS);
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if ((live == null || live.get(doc)) && terms.advanceExact(doc)) {
                        withTerms++;
                    }
                }
            }
            assertThat(withTerms).as("papers in the current layout").isEqualTo((int) papers);
        }
    }

    /** The sample data indexed into {@code current}, and copied into {@code old} in layout 1; its paper count. */
    private static long indexSampleDataInBothLayouts(Path current, Path old) throws IOException {
        long papers;
        try (Akin akin = Akin.open(AkinConfig.at(current, TestModels.dir()))) {
            papers = akin.index(List.of(TestModels.sampleData()), IndexOptions.defaults(), IndexProgress.NONE).papers();
        }
        writeAsLayoutOne(current, old);
        return papers;
    }

    /** Copies every paper into a new index as akin wrote them before lexical search. */
    private static void writeAsLayoutOne(Path from, Path to) throws IOException {
        List<IndexedPaper> all = new ArrayList<>();
        Map<String, String> commitData;
        try (LuceneVectorStore store = LuceneVectorStore.open(from, IndexSettings.defaults())) {
            store.forEachId(id -> all.add(store.get(id).orElseThrow()));
        }
        try (var directory = FSDirectory.open(from)) {
            commitData = new HashMap<>(SegmentInfos.readLatestCommit(directory).getUserData());
        }
        commitData.remove("akin.layout");
        try (var directory = FSDirectory.open(to); var analyzer = LuceneDocs.analyzer();
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (IndexedPaper paper : all) {
                Document doc = LuceneDocs.toDocument(paper, analyzer);
                doc.removeFields(LuceneDocs.TEXT);
                doc.removeFields(LuceneDocs.HIT);
                doc.removeFields(LuceneDocs.TERMS);
                writer.addDocument(doc);
            }
            writer.setLiveCommitData(commitData.entrySet());
            writer.commit();
        }
    }
}
