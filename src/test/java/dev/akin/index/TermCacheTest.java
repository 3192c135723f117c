package dev.akin.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** On a real (in-memory) Lucene index. */
class TermCacheTest {
    private static Document text(String words) {
        Document doc = new Document();
        doc.add(new TextField(LuceneDocs.TEXT, words, Field.Store.NO));
        return doc;
    }

    @Test
    void eachSnapshotKeepsItsOwnTermStatesAndForgetsThemWhenClosed() throws IOException {
        TermCache cache = new TermCache();
        try (var dir = new ByteBuffersDirectory(); var writer = new IndexWriter(dir, new IndexWriterConfig())) {
            writer.addDocument(text("graph neural networks"));
            writer.commit();
            DirectoryReader before = DirectoryReader.open(dir);
            assertThat(cache.in(new IndexSearcher(before)).of("graph").docFreq()).isEqualTo(1);

            writer.addDocument(text("graph transformers"));
            writer.commit();
            try (DirectoryReader after = DirectoryReader.openIfChanged(before)) {
                assertThat(cache.in(new IndexSearcher(after)).of("graph").docFreq()).isEqualTo(2);
                assertThat(cache.in(new IndexSearcher(before)).of("graph").docFreq()).as("the older snapshot").isEqualTo(1);
                assertThat(cache.in(new IndexSearcher(after)).of("absent").docFreq()).isZero();
                assertThat(cache.readers()).isEqualTo(2);
                before.close();
                assertThat(cache.readers()).isEqualTo(1);
            }
            assertThat(cache.readers()).isZero();
        }
    }

    @Test
    void aQueryOnCachedStatesScoresAsOneThatLooksTheTermUp() throws IOException {
        TermCache cache = new TermCache();
        try (var dir = new ByteBuffersDirectory(); var writer = new IndexWriter(dir, new IndexWriterConfig())) {
            writer.addDocument(text("graph neural networks on graph data"));
            writer.commit(); // two segments: the states must be right in each
            writer.addDocument(text("a graph transformer"));
            writer.addDocument(text("transformers"));
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                Term graph = new Term(LuceneDocs.TEXT, "graph");
                cache.in(searcher).of("graph");
                TopDocs cached = searcher.search(new TermQuery(graph, cache.in(searcher).of("graph").states()), 10);
                TopDocs plain = searcher.search(new TermQuery(graph), 10);
                assertThat(cached.scoreDocs).hasSize(2);
                for (int i = 0; i < 2; i++) {
                    assertThat(cached.scoreDocs[i].doc).isEqualTo(plain.scoreDocs[i].doc);
                    assertThat(cached.scoreDocs[i].score).isEqualTo(plain.scoreDocs[i].score);
                }
            }
        }
    }

    @Test
    void scoredPostingsMatchATermQuerysScoresAndAreKeptOnlyWithinTheReadersBudget() throws IOException {
        // Room for three postings: "graph" (two) is kept, then "transformers" (two more) is scored anew each time.
        TermCache cache = new TermCache(24);
        try (var dir = new ByteBuffersDirectory(); var writer = new IndexWriter(dir, new IndexWriterConfig())) {
            writer.addDocument(text("graph neural networks on graph data"));
            writer.commit();
            writer.addDocument(text("a graph transformer"));
            writer.addDocument(text("transformers"));
            writer.addDocument(text("transformers everywhere"));
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                FieldNorms norms = new FieldNorms(LuceneDocs.TEXT);
                IndexedTerm graph = cache.in(searcher).of("graph");
                assertThat(cache.in(searcher).canKeep(3)).isTrue();
                assertThat(graph.kept()).isFalse();
                IndexedTerm.Scored scored = graph.scored(searcher, norms);
                assertThat(graph.kept()).isTrue();
                assertThat(graph.scored(searcher, norms)).as("kept").isSameAs(scored);
                assertThat(cache.in(searcher).canKeep(1)).as("one more posting fits").isTrue();
                assertThat(cache.in(searcher).canKeep(2)).as("two do not").isFalse();
                TopDocs plain = searcher.search(new TermQuery(new Term(LuceneDocs.TEXT, "graph")), 10);
                assertThat(plain.scoreDocs).hasSize(2);
                for (var hit : plain.scoreDocs) {
                    int leaf = org.apache.lucene.index.ReaderUtil.subIndex(hit.doc, reader.leaves());
                    int doc = hit.doc - reader.leaves().get(leaf).docBase;
                    int at = java.util.Arrays.binarySearch(scored.docs()[leaf], doc);
                    assertThat(at).as("doc %d listed", hit.doc).isNotNegative();
                    assertThat(scored.scores()[leaf][at]).isEqualTo(hit.score);
                }
                IndexedTerm transformers = cache.in(searcher).of("transformers");
                IndexedTerm.Scored once = transformers.scored(searcher, norms);
                assertThat(transformers.scored(searcher, norms)).as("over budget: not kept").isNotSameAs(once)
                        .usingRecursiveComparison().isEqualTo(once);
                assertThat(transformers.kept()).isFalse();
            }
        }
    }
}
