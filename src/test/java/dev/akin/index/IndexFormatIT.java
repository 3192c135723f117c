package dev.akin.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.akin.embed.ModelFingerprint;
import dev.akin.embed.Pooling;
import dev.akin.embed.Vectors;
import dev.akin.paper.Paper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.codecs.perfield.PerFieldKnnVectorsFormat;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An index keeps the vector format it was built with, and is searched as that format needs. */
class IndexFormatIT {
    private static final ModelFingerprint MODEL = new ModelFingerprint("synthetic", "none", Pooling.MEAN, 32, 256);

    @Test
    void anInt8IndexReopenedWithoutAFormatStaysInt8AndIsRescoredToExactCosines(@TempDir Path dir) throws IOException {
        Random random = new Random(11);
        List<float[]> vectors = new ArrayList<>();
        // More papers than the size below which every search is exact, so the graph is walked.
        for (int i = 0; i < 1_500; i++) {
            vectors.add(randomUnit(random));
        }
        try (LuceneVectorStore store = LuceneVectorStore.open(dir,
                IndexSettings.defaults().withFormat(VectorFormat.INT8))) {
            store.bindModel(MODEL);
            store.upsert(papers(vectors, 0, 1_400));
            store.commit();
        }
        try (LuceneVectorStore store = LuceneVectorStore.open(dir, IndexSettings.defaults())) {
            assertThat(store.stats().settings().format()).isEqualTo(VectorFormat.INT8);
            store.upsert(papers(vectors, 1_400, 1_500));
            store.commit();
            float[] query = randomUnit(random);
            Hits hits = store.nearest(query, 10, Filter.NONE, Set.of());
            assertThat(hits.exact()).isFalse();
            for (Hit hit : hits.hits()) {
                float[] stored = vectors.get(Integer.parseInt(hit.id().substring(1)));
                assertThat(hit.score()).as(hit.id()).isEqualTo(Vectors.dot(query, stored), within(1e-5));
            }
        }
        try (FSDirectory directory = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(directory)) {
            assertThat(reader.leaves()).hasSizeGreaterThan(1);
            for (LeafReaderContext leaf : reader.leaves()) {
                assertThat(leaf.reader().getFieldInfos().fieldInfo(LuceneDocs.VECTOR)
                        .getAttribute(PerFieldKnnVectorsFormat.PER_FIELD_FORMAT_KEY))
                        .as("segment %s", leaf.ord).isNotEqualTo(new Lucene99HnswVectorsFormat().getName());
            }
        }
    }

    private static float[] randomUnit(Random random) {
        float[] v = new float[32];
        for (int d = 0; d < v.length; d++) {
            v[d] = (float) random.nextGaussian();
        }
        return Vectors.normalize(v);
    }

    private static List<IndexedPaper> papers(List<float[]> vectors, int from, int to) {
        List<IndexedPaper> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(new IndexedPaper(new Paper("p" + i, "Paper " + i, "", null, null, null, null, null, "t"),
                    vectors.get(i), "", ""));
        }
        return out;
    }
}
