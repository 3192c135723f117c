package dev.akin.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.FSDirectory;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Term-at-a-time BM25 against Lucene's own search of the same boosted terms, on a real index on disk. */
class TermAtATimeIT {
    private static final int PAPERS = 900;

    /** Zipf-like words, so that some terms are common, most rare, and many documents tie on a term. */
    private static String words(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            int rank = (int) Math.floor(Math.pow(400, random.nextDouble()));
            text.append("w").append(Integer.toString(rank, 36)).append(' ');
        }
        return text.toString();
    }

    @Test
    void findsWhatLuceneFindsWithTheSameScoresAcrossSegmentsDeletionsAndFiltersAndDropsClosedSegmentsNorms(@TempDir Path dir) throws IOException {
        Random random = new Random(7);
        try (var directory = FSDirectory.open(dir); var analyzer = LuceneDocs.analyzer();
             var writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (int i = 0; i < PAPERS; i++) {
                Document doc = new Document();
                doc.add(new StringField(LuceneDocs.ID, "p" + i, Field.Store.NO));
                doc.add(new IntPoint(LuceneDocs.YEAR, 2000 + i % 25));
                doc.add(new StringField(LuceneDocs.CATEGORY, i % 3 == 0 ? "cs.IR" : "cs.CL", Field.Store.NO));
                doc.add(new TextField(LuceneDocs.TEXT, words(random, 20 + random.nextInt(200)), Field.Store.NO));
                writer.addDocument(doc);
                if (i % 300 == 299) {
                    writer.commit(); // three segments
                }
            }
            for (int i = 0; i < PAPERS; i += 7) {
                writer.deleteDocuments(new Term(LuceneDocs.ID, "p" + i));
            }
            writer.commit();
            TermCache cache = new TermCache();
            FieldNorms norms = new FieldNorms(LuceneDocs.TEXT);
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                assertThat(reader.leaves()).hasSizeGreaterThan(1);
                assertThat(reader.hasDeletions()).isTrue();
                List<Filter> filters = List.of(Filter.NONE, Filter.years(2005, 2015).withCategory("cs.IR"),
                        Filter.NONE.excluding(Set.of("p1", "p2", "p3")));
                int compared = 0;
                for (int q = 0; q < 40; q++) {
                    List<TermAtATime.Boosted> terms = LexicalSearch.terms(cache.in(searcher),
                            TermCounts.of(analyzer, words(random, 5 + random.nextInt(300))));
                    for (Filter filter : filters) {
                        for (int n : new int[] {1, 10, 100}) {
                            Query filterQuery = LuceneFilters.toQuery(filter);
                            ScoreDoc[] ours = TermAtATime.top(searcher, norms, terms, filterQuery, n);
                            ScoreDoc[] lucene = searcher.search(filterQuery == null ? LexicalSearch.query(terms)
                                    : new BooleanQuery.Builder().add(LexicalSearch.query(terms), BooleanClause.Occur.MUST)
                                    .add(filterQuery, BooleanClause.Occur.FILTER).build(),
                                    new TopScoreDocCollectorManager(n, Integer.MAX_VALUE)).scoreDocs;
                            assertSame(ours, lucene);
                            compared += lucene.length;
                        }
                    }
                }
                assertThat(compared).as("hits compared").isGreaterThan(5_000);
                assertThat(norms.segments()).as("norms held").isEqualTo(reader.leaves().size());
            }
            assertThat(norms.segments()).as("norms held after the reader closed").isZero();
        }
    }

    /** Equal scores rank by rank; the same documents, except where float rounding may reorder a tie. */
    private static void assertSame(ScoreDoc[] ours, ScoreDoc[] lucene) {
        assertThat(ours).hasSameSizeAs(lucene);
        for (int i = 0; i < lucene.length; i++) {
            assertThat(ours[i].score).as("rank %d", i).isCloseTo(lucene[i].score, within(lucene[i].score));
            boolean tied = i > 0 && near(lucene[i - 1].score, lucene[i].score)
                    || i + 1 < lucene.length && near(lucene[i + 1].score, lucene[i].score);
            if (!tied) {
                assertThat(ours[i].doc).as("rank %d of %s", i, Arrays.toString(lucene)).isEqualTo(lucene[i].doc);
            }
        }
    }

    private static Offset<Float> within(float score) {
        return Offset.offset(Math.abs(score) * 1e-5f);
    }

    private static boolean near(float a, float b) {
        return Math.abs(a - b) <= Math.abs(b) * 1e-5f;
    }
}
