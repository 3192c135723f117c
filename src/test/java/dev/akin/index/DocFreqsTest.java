package dev.akin.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** On a real (in-memory) Lucene index. */
class DocFreqsTest {
    private static Document text(String words) {
        Document doc = new Document();
        doc.add(new TextField(LuceneDocs.TEXT, words, Field.Store.NO));
        return doc;
    }

    @Test
    void eachSnapshotKeepsItsOwnFrequenciesAndForgetsThemWhenClosed() throws IOException {
        DocFreqs docFreqs = new DocFreqs();
        try (var dir = new ByteBuffersDirectory(); var writer = new IndexWriter(dir, new IndexWriterConfig())) {
            writer.addDocument(text("graph neural networks"));
            writer.commit();
            DirectoryReader before = DirectoryReader.open(dir);
            assertThat(docFreqs.of(before, "graph")).isEqualTo(1);

            writer.addDocument(text("graph transformers"));
            writer.commit();
            try (DirectoryReader after = DirectoryReader.openIfChanged(before)) {
                assertThat(docFreqs.of(after, "graph")).isEqualTo(2);
                assertThat(docFreqs.of(before, "graph")).as("the older snapshot").isEqualTo(1);
                assertThat(docFreqs.of(after, "absent")).isZero();
                assertThat(docFreqs.readers()).isEqualTo(2);
                before.close();
                assertThat(docFreqs.readers()).isEqualTo(1);
            }
            assertThat(docFreqs.readers()).isZero();
        }
    }
}
