package dev.akin.index;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.codecs.perfield.PerFieldKnnVectorsFormat;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReaderContext;
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
    /** An index this small is scored exactly even without a filter: as fast as the graph, and exact. */
    private static final int UNFILTERED_EXACT = 1000;
    private static final String FLOAT32_FORMAT = new Lucene99HnswVectorsFormat().getName();

    private NearestSearch() {
    }

    static Hits run(IndexSearcher searcher, IndexSettings settings, float[] query, int k, Filter filter,
                    Set<String> skip, boolean forceExact) throws IOException {
        return search(searcher, settings, query, k, filter, skip, forceExact).hits();
    }

    /**
     * As {@link #run}, cut to the shortlist (if any, and if shorter), with the passage vectors of the hits that have
     * them, read straight from their documents. The shortlist's rough match reads every candidate's passages where
     * they lie; only the kept candidates' are copied out.
     *
     * @param shortlist which candidates to keep, or null for all
     */
    static PassageHits withPassages(IndexSearcher searcher, IndexSettings settings, float[] query, int k,
                                    Filter filter, Set<String> skip, Shortlist shortlist) throws IOException {
        Nearest nearest = search(searcher, settings, query, k, filter, skip, false);
        LuceneDocs.Found found = nearest.found();
        if (shortlist != null && shortlist.size() < found.docs().length) {
            List<Hit> hits = found.hits();
            double[] rough = new double[hits.size()];
            // A paper without passages (written before the index kept them) is ranked by its cosine alone.
            Arrays.setAll(rough, i -> shortlist.rough(hits.get(i).score(), null));
            BinaryValues.visit(searcher, LuceneDocs.PASSAGES, found.docs(),
                    (value, i) -> rough[i] = shortlist.rough(hits.get(i).score(), PassageVectors.view(value)));
            found = found.at(Shortlist.best(rough, shortlist.size()));
        }
        return new PassageHits(new Hits(found.hits(), nearest.exact()),
                BinaryValues.read(searcher, LuceneDocs.PASSAGES, found.docs(), PassageVectors::decode));
    }

    private record Nearest(LuceneDocs.Found found, boolean exact) {
        Hits hits() {
            return new Hits(found.hits(), exact);
        }
    }

    private static Nearest search(IndexSearcher searcher, IndexSettings settings, float[] query, int k,
                                  Filter filter, Set<String> skip, boolean forceExact) throws IOException {
        Query filterQuery = LuceneFilters.toQuery(filter);
        int want = k + skip.size();
        int candidates = filterQuery == null ? searcher.getIndexReader().numDocs() : searcher.count(filterQuery);
        // Filtered, a graph walk mostly visits papers it must reject, and scoring the survivors wins up to the
        // threshold; unfiltered, the graph is the fast path for all but tiny indexes (docs/benchmarks.md).
        int threshold = filterQuery == null ? Math.min(settings.exactThreshold(), UNFILTERED_EXACT)
                : settings.exactThreshold();
        boolean exact = forceExact || candidates <= Math.max(threshold, want);
        ScoreDoc[] docs = exact ? ExactSearch.search(searcher, filterQuery, query, want)
                : searcher.search(approximate(searcher, settings, query, want, filterQuery), want).scoreDocs;
        // Lucene scores DOT_PRODUCT as (1 + cos) / 2; report the cosine itself.
        return new Nearest(LuceneDocs.hits(searcher, docs, k, skip, score -> 2.0 * score - 1.0), exact);
    }

    private static Query approximate(IndexSearcher searcher, IndexSettings settings, float[] query, int want,
                                     Query filter) {
        if (!quantized(searcher)) {
            return new KnnFloatVectorQuery(LuceneDocs.VECTOR, query, Math.max(want, settings.searchBeam()), filter);
        }
        int candidates = Math.max(want * settings.oversample(), settings.searchBeam());
        Query knn = new KnnFloatVectorQuery(LuceneDocs.VECTOR, query, candidates, filter);
        return RescoreTopNQuery.createFullPrecisionRescorerQuery(knn, query, LuceneDocs.VECTOR, want);
    }

    /**
     * Whether any segment's graph holds quantized vectors. Asked of the segments, not of the settings, which only
     * say how new segments are written: an int8 index opened without naming its format must still be rescored.
     */
    private static boolean quantized(IndexSearcher searcher) {
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            FieldInfo field = leaf.reader().getFieldInfos().fieldInfo(LuceneDocs.VECTOR);
            String format = field == null ? null : field.getAttribute(PerFieldKnnVectorsFormat.PER_FIELD_FORMAT_KEY);
            if (format != null && !format.equals(FLOAT32_FORMAT)) {
                return true;
            }
        }
        return false;
    }
}
