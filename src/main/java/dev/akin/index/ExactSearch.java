package dev.akin.index;

import java.io.IOException;
import java.util.Collection;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.LongHeap;

/**
 * Brute force: scores every paper the filter admits against the float32 vectors, read and multiplied here:
 * Lucene's vector value sources score a quantized field with its quantized copy, which made "exact" search over
 * an int4 or binary index rank by the quantized vectors. The reference for recall, and
 * the right plan when a filter leaves few candidates (a graph walk would mostly visit papers it must reject).
 */
final class ExactSearch {
    private ExactSearch() {
    }

    /** Top {@code k} by Lucene's dot-product score, best first. */
    static ScoreDoc[] search(IndexSearcher searcher, Query filter, float[] query, int k) throws IOException {
        return searcher.search(filter == null ? MatchAllDocsQuery.INSTANCE : filter, new CollectorManager<TopK,
                ScoreDoc[]>() {
            @Override
            public TopK newCollector() {
                return new TopK(query, k);
            }

            @Override
            public ScoreDoc[] reduce(Collection<TopK> collectors) {
                TopK all = new TopK(query, k);
                for (TopK c : collectors) {
                    while (c.heap.size() > 0) {
                        all.heap.insertWithOverflow(c.heap.pop());
                    }
                }
                return all.result();
            }
        });
    }

    /**
     * A heap of {@link Best#key}s (scores here are in [0, 1], zero included, which {@link Best} itself would drop),
     * so collecting allocates nothing per paper.
     */
    private static final class TopK extends SimpleCollector {
        private final float[] query;
        private final LongHeap heap;
        private FloatVectorValues vectors;
        private KnnVectorValues.DocIndexIterator iterator;
        private int docBase;

        TopK(float[] query, int k) {
            this.query = query;
            this.heap = new LongHeap(k);
        }

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            docBase = context.docBase;
            vectors = context.reader().getFloatVectorValues(LuceneDocs.VECTOR);
            iterator = vectors == null ? null : vectors.iterator();
        }

        @Override
        public void collect(int doc) throws IOException {
            if (iterator == null) {
                return;
            }
            if (iterator.docID() < doc) {
                iterator.advance(doc);
            }
            if (iterator.docID() != doc) {
                return;
            }
            // The graph's own score for DOT_PRODUCT, (1 + cos) / 2, so both paths report alike.
            float score = VectorSimilarityFunction.DOT_PRODUCT.compare(query, vectors.vectorValue(iterator.index()));
            heap.insertWithOverflow(Best.key(docBase + doc, score));
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }

        /** Empties the heap, best first. */
        ScoreDoc[] result() {
            return Best.drain(heap);
        }
    }
}
