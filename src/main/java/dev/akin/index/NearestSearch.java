package dev.akin.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
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
    private static final Set<String> HIT_FIELDS = Set.of(LuceneDocs.ID, LuceneDocs.TITLE, LuceneDocs.YEAR);

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
        List<Hit> hits = new ArrayList<>(k);
        StoredFields stored = searcher.storedFields();
        for (ScoreDoc sd : docs) {
            Document doc = stored.document(sd.doc, HIT_FIELDS);
            String id = doc.get(LuceneDocs.ID);
            if (hits.size() < k && !skip.contains(id)) {
                var year = doc.getField(LuceneDocs.YEAR);
                // Lucene scores DOT_PRODUCT as (1 + cos) / 2; report the cosine itself.
                hits.add(new Hit(id, doc.get(LuceneDocs.TITLE), year == null ? null : year.numericValue().intValue(),
                        2.0 * sd.score - 1.0));
            }
        }
        return new Hits(hits, exact);
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
