package dev.akin.index;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.IndexSearcher;

/**
 * The lexical field's terms as each point-in-time reader knows them ({@link IndexedTerm}), remembered per reader,
 * where they cannot change, and dropped when the reader closes. A paper-to-paper query weighs each of its
 * abstract's ~150 terms by idf and then scores the 32 best: without the cache, one term-dictionary seek per term
 * and segment, twice, was half of its time, and decoding and scoring the 32 terms' postings most of the rest; the
 * same common terms recur from query to query.
 */
final class TermCache {
    /** Bounds one reader's terms: a few hundred bytes each, depending on the segment count. */
    private static final int MAX_TERMS_PER_READER = 100_000;
    /**
     * Bounds one reader's scored postings, at eight bytes a posting: SciFact's whole vocabulary takes 4 MB, the 182k
     * arXiv abstracts' 128 MB. Past it, a term is scored anew by each query that needs it, or the query runs
     * Lucene's max-score search instead ({@link TermAtATime#suits}).
     */
    static final long MAX_SCORED_BYTES_PER_READER = 64L << 20;
    private final Map<Object, Terms> byReader = new ConcurrentHashMap<>();
    private final long maxScoredBytes;

    TermCache() {
        this(MAX_SCORED_BYTES_PER_READER);
    }

    /** @param maxScoredBytes the scored postings kept per reader, in bytes */
    TermCache(long maxScoredBytes) {
        this.maxScoredBytes = maxScoredBytes;
    }

    private record Terms(Map<String, IndexedTerm> byText, AtomicLong scoredBytes) {
    }

    /** The searcher's reader's cache, for a query that looks up many terms. */
    Lookup in(IndexSearcher searcher) {
        IndexReader.CacheHelper helper = searcher.getIndexReader().getReaderCacheHelper();
        if (helper == null) {
            return new Lookup(searcher, null, maxScoredBytes);
        }
        return new Lookup(searcher, byReader.computeIfAbsent(helper.getKey(), key -> {
            helper.addClosedListener(byReader::remove);
            return new Terms(new ConcurrentHashMap<>(), new AtomicLong());
        }), maxScoredBytes);
    }

    /** One reader's terms; without a cache (a reader that cannot be cached), each term is looked up anew. */
    static final class Lookup {
        private final IndexSearcher searcher;
        private final Terms cache;
        private final long maxScoredBytes;

        private Lookup(IndexSearcher searcher, Terms cache, long maxScoredBytes) {
            this.searcher = searcher;
            this.cache = cache;
            this.maxScoredBytes = maxScoredBytes;
        }

        /** Whether this many more postings, scored, would still be kept within the reader's budget. */
        boolean canKeep(long postings) {
            return cache != null && cache.scoredBytes().get() + 8 * postings <= maxScoredBytes;
        }

        /** The term in every segment of the reader, with its statistics. */
        IndexedTerm of(String term) throws IOException {
            IndexedTerm known = cache == null ? null : cache.byText().get(term);
            if (known != null) {
                return known;
            }
            TermStates states = TermStates.build(searcher, new Term(LuceneDocs.TEXT, term), true);
            int docs = searcher.getIndexReader().numDocs();
            if (cache == null || cache.byText().size() >= MAX_TERMS_PER_READER) {
                return new IndexedTerm(term, states, docs, null, 0);
            }
            IndexedTerm built = new IndexedTerm(term, states, docs, cache.scoredBytes(), maxScoredBytes);
            IndexedTerm raced = cache.byText().putIfAbsent(term, built);
            return raced == null ? built : raced;
        }
    }

    /** Readers with a cache, for tests. */
    int readers() {
        return byReader.size();
    }
}
