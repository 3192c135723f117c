package dev.akin.index;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.IndexSearcher;

/**
 * The lexical field's term lookups (where each term's postings start in each segment, and its document
 * frequency), remembered per point-in-time reader, where they cannot change, and dropped when the reader closes.
 * A paper-to-paper query weighs each of its abstract's ~150 terms by idf and then searches the 32 best: without
 * the cache, one term-dictionary seek per term and segment, twice, was half of its time; the same common terms
 * recur from query to query.
 */
final class TermStatesCache {
    /** Bounds one reader's cache: a few hundred bytes per term, depending on the segment count. */
    private static final int MAX_TERMS_PER_READER = 100_000;
    private final Map<Object, Map<String, TermStates>> byReader = new ConcurrentHashMap<>();

    /** The searcher's reader's cache, for a query that looks up many terms. */
    Lookup in(IndexSearcher searcher) {
        IndexReader.CacheHelper helper = searcher.getIndexReader().getReaderCacheHelper();
        if (helper == null) {
            return new Lookup(searcher, null);
        }
        return new Lookup(searcher, byReader.computeIfAbsent(helper.getKey(), key -> {
            helper.addClosedListener(byReader::remove);
            return new ConcurrentHashMap<>();
        }));
    }

    /** One reader's term states; without a cache (a reader that cannot be cached), each term is looked up anew. */
    static final class Lookup {
        private final IndexSearcher searcher;
        private final Map<String, TermStates> cache;

        private Lookup(IndexSearcher searcher, Map<String, TermStates> cache) {
            this.searcher = searcher;
            this.cache = cache;
        }

        /**
         * The term's states in every segment of the reader, with its statistics. Built with statistics, a
         * {@link TermStates} is only read afterwards, so one instance serves concurrent queries.
         */
        TermStates of(String term) throws IOException {
            TermStates known = cache == null ? null : cache.get(term);
            if (known != null) {
                return known;
            }
            TermStates states = build(searcher, term);
            if (cache != null && cache.size() < MAX_TERMS_PER_READER) {
                cache.put(term, states);
            }
            return states;
        }
    }

    private static TermStates build(IndexSearcher searcher, String term) throws IOException {
        return TermStates.build(searcher, new Term(LuceneDocs.TEXT, term), true);
    }

    /** Readers with a cache, for tests. */
    int readers() {
        return byReader.size();
    }
}
