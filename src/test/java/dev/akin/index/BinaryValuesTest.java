package dev.akin.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** On a real (in-memory) Lucene index of three segments, one paper updated and one without the value. */
class BinaryValuesTest {
    private static Document paper(String id, String value) {
        Document doc = new Document();
        doc.add(new StringField(LuceneDocs.ID, id, Field.Store.YES));
        if (value != null) {
            doc.add(new BinaryDocValuesField("v", new BytesRef(value)));
        }
        return doc;
    }

    @Test
    void findsLiveDocumentsByIdAndReadsTheirValuesInTheOrderAsked() throws IOException {
        try (var dir = new ByteBuffersDirectory();
             var writer = new IndexWriter(dir, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
            writer.addDocument(paper("a", "a1"));
            writer.addDocument(paper("b", "b1"));
            writer.commit();
            writer.addDocument(paper("c", null));
            writer.updateDocument(new Term(LuceneDocs.ID, "a"), paper("a", "a2"));
            writer.commit();
            writer.addDocument(paper("d", "d1"));
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertThat(reader.leaves()).hasSize(3);
                IndexSearcher searcher = new IndexSearcher(reader);
                List<String> ids = List.of("d", "missing", "a", "c", "b");
                int[] docs = BinaryValues.docsOf(searcher, ids);
                assertThat(docs[1]).isEqualTo(-1);
                assertThat(Arrays.stream(docs).filter(d -> d >= 0)).doesNotHaveDuplicates().hasSize(4);

                int[] found = {docs[0], docs[2], docs[3], docs[4], docs[0]};
                assertThat(BinaryValues.read(searcher, "v", found, BytesRef::utf8ToString))
                        .containsExactly("d1", "a2", null, "b1", "d1");
            }
        }
    }
}
