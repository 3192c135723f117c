package dev.akin.index;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RescoreTopNQuery;
import org.apache.lucene.search.ScoreDoc;

/**
 * One nearest-neighbour question against one searcher: exact when the filter leaves few candidates (or when
 * asked), otherwise the HNSW graph, with float32 rescoring for quantized formats.
 */
final class NearestSearch {
    private NearestSearch() {
    }

    static Hits run(IndexSearcher searcher, IndexSettings settings, float[] query, int k, Filter filter,
                    Set<String> skip, boolean forceExact) throws IOException {
        Query filterQuery = LuceneFilters.toQuery(filter);
        int want = k + skip.size();
        int candidates = filterQuery == null ? searcher.getIndexReader().numDocs() : searcher.count(filterQuery);
        boolean exact = forceExact || candidates <= Math.max(settings.exactThreshold(), want);
        ScoreDoc[] docs = exact ? ExactSearch.search(searcher, filterQuery, query, want)
                : searcher.search(approximate(settings, query, want, filterQuery), want).scoreDocs;
        // Lucene scores DOT_PRODUCT as (1 + cos) / 2; report the cosine itself.
        return new Hits(LuceneDocs.hits(searcher, docs, k, skip, score -> 2.0 * score - 1.0), exact);
    }

    private static Query approximate(IndexSettings settings, float[] query, int want, Query filter) {
        if (!settings.format().quantized()) {
            return new KnnFloatVectorQuery(LuceneDocs.VECTOR, query, Math.max(want, settings.searchBeam()), filter);
        }
        int candidates = Math.max(want * settings.oversample(), settings.searchBeam());
        Query knn = new KnnFloatVectorQuery(LuceneDocs.VECTOR, query, candidates, filter);
        return RescoreTopNQuery.createFullPrecisionRescorerQuery(knn, query, LuceneDocs.VECTOR, want);
    }
}
