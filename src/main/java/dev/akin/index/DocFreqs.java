package dev.akin.index;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;

/**
 * Document frequencies of the lexical field's terms, remembered per point-in-time reader (where they cannot
 * change) and dropped when the reader closes. Choosing a whole abstract's most telling terms needs the frequency
 * of each of its ~150 terms: one term-dictionary lookup per term and segment, most of a paper-to-paper lexical
 * query's time before; the same common terms recur from query to query.
 */
final class DocFreqs {
    /** Bounds the memory of one reader's cache (a term and a count: ~100 bytes each). */
    private static final int MAX_TERMS_PER_READER = 500_000;
    private final Map<Object, Map<String, Integer>> byReader = new ConcurrentHashMap<>();

    int of(IndexReader reader, String term) throws IOException {
        IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
        if (helper == null) {
            return reader.docFreq(new Term(LuceneDocs.TEXT, term));
        }
        Map<String, Integer> cache = byReader.computeIfAbsent(helper.getKey(), key -> {
            helper.addClosedListener(byReader::remove);
            return new ConcurrentHashMap<>();
        });
        Integer known = cache.get(term);
        if (known != null) {
            return known;
        }
        int df = reader.docFreq(new Term(LuceneDocs.TEXT, term));
        if (cache.size() < MAX_TERMS_PER_READER) {
            cache.put(term, df);
        }
        return df;
    }

    /** Readers with a cache, for tests. */
    int readers() {
        return byReader.size();
    }
}
