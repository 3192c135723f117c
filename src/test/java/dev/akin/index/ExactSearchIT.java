package dev.akin.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.akin.embed.ModelFingerprint;
import dev.akin.embed.Pooling;
import dev.akin.embed.Vectors;
import dev.akin.paper.Paper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Exact search on a real index ranks by the float32 vectors, whatever format the graph quantizes them to. */
class ExactSearchIT {
    @ParameterizedTest
    @EnumSource(VectorFormat.class)
    void exactSearchRanksByFullPrecisionInEveryFormat(VectorFormat format, @TempDir Path dir) {
        Random random = new Random(5);
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            float[] v = new float[64];
            for (int d = 0; d < v.length; d++) {
                v[d] = (float) random.nextGaussian();
            }
            vectors.add(Vectors.normalize(v));
        }
        float[] query = vectors.get(0).clone();
        query[1] += 0.5f;
        Vectors.normalize(query);
        try (LuceneVectorStore store = LuceneVectorStore.open(dir, IndexSettings.defaults().withFormat(format))) {
            store.bindModel(new ModelFingerprint("synthetic", "none", Pooling.MEAN, 64, 256));
            List<IndexedPaper> papers = new ArrayList<>();
            for (int i = 0; i < vectors.size(); i++) {
                papers.add(new IndexedPaper(new Paper("p" + i, "Paper " + i, "", null, null, null, null, null, "t"),
                        vectors.get(i), "", ""));
            }
            store.upsert(papers);
            store.commit();
            List<String> truth = IntStream.range(0, vectors.size()).boxed()
                    .sorted(Comparator.comparingDouble(i -> -Vectors.dot(query, vectors.get(i))))
                    .limit(10).map(i -> "p" + i).toList();
            Hits exact = store.nearest(query, 10, Filter.NONE, Set.of(), true);
            assertThat(exact.exact()).isTrue();
            assertThat(exact.hits()).extracting(Hit::id).containsExactlyElementsOf(truth);
            assertThat(exact.hits().getFirst().score()).isEqualTo(Vectors.dot(query, vectors.get(0)),
                    org.assertj.core.api.Assertions.within(1e-5));
        }
    }
}
