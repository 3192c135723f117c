package dev.akin.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * BM25 over title + abstract for a query text of any length: a search query, or a whole paper's title and abstract.
 * The text is analyzed like the indexed field and never parsed as Lucene query syntax, so no input can be an
 * operator.
 */
final class LexicalSearch {
    /**
     * A long query (a whole abstract) keeps only its most telling terms, by tf-idf: a 300-word query with every
     * term would be slower and no better.
     */
    static final int MAX_TERMS = 32;

    private final Analyzer analyzer;
    private final TermCache termCache = new TermCache();
    private final FieldNorms norms = new FieldNorms(LuceneDocs.TEXT);

    /** @param analyzer analyzes query texts as the indexed field was; the caller closes it */
    LexicalSearch(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** Whether the snapshot can answer BM25 queries: it has the lexical field, or no papers at all. */
    static boolean available(IndexSearcher searcher) throws IOException {
        return searcher.collectionStatistics(LuceneDocs.TEXT) != null || searcher.getIndexReader().numDocs() == 0;
    }

    /** @throws IndexException when the snapshot of the index at {@code path} cannot answer BM25 queries */
    static void check(IndexSearcher searcher, Path path) throws IOException {
        if (!available(searcher)) {
            throw new OutdatedIndexException("index at " + path + " has no lexical field (an older akin built it);"
                    + " run 'akin index' on your inputs once: it rewrites each paper with its stored vector, no"
                    + " inference");
        }
    }

    Hits run(IndexSearcher searcher, LexicalQuery asked, int k, Filter filter, Set<String> skip)
            throws IOException {
        TermCache.Lookup known = termCache.in(searcher);
        List<TermAtATime.Boosted> terms = terms(known, counts(searcher, asked));
        if (terms.isEmpty()) {
            return new Hits(List.of(), true);
        }
        Query filterQuery = LuceneFilters.toQuery(filter);
        int n = k + skip.size();
        ScoreDoc[] docs;
        if (TermAtATime.suits(terms, known)) {
            docs = TermAtATime.top(searcher, norms, terms, filterQuery, n);
        } else {
            Query query = filterQuery == null ? query(terms) : new BooleanQuery.Builder()
                    .add(query(terms), BooleanClause.Occur.MUST).add(filterQuery, BooleanClause.Occur.FILTER).build();
            // Counting hits only up to n lets Lucene skip documents that cannot make the top n (the default counts
            // the first 1,000 exactly).
            docs = searcher.search(query, new TopScoreDocCollectorManager(n, n)).scoreDocs;
        }
        return new Hits(LuceneDocs.hits(searcher, docs, k, skip, score -> score).hits(), true);
    }

    /** The text's terms as a query: each a term query boosted by its frequency in the text. */
    static Query query(List<TermAtATime.Boosted> terms) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (TermAtATime.Boosted term : terms) {
            // The looked-up states spare the query a second term-dictionary seek per segment.
            query.add(new BoostQuery(new TermQuery(new Term(LuceneDocs.TEXT, term.term().bytes()),
                    term.term().states()),
                    term.boost()), BooleanClause.Occur.SHOULD);
        }
        return query.build();
    }

    /**
     * The stored paper's indexed terms, if the query is a paper and the snapshot holds its terms (a paper written
     * before layout 4 does not, until the next indexing run); otherwise the query's text, analyzed.
     */
    private TermCounts counts(IndexSearcher searcher, LexicalQuery query) throws IOException {
        if (query.paper().isPresent()) {
            int doc = BinaryValues.docsOf(searcher, List.of(query.paper().get()))[0];
            TermCounts stored = BinaryValues.read(searcher, LuceneDocs.TERMS, new int[] {doc}, TermCounts::decode)
                    .getFirst();
            if (stored != null) {
                return stored;
            }
        }
        return TermCounts.of(analyzer, query.text());
    }

    /**
     * The terms that the index knows, at most {@link #MAX_TERMS}, the most telling (tf-idf) first, each boosted by
     * its count; none when the index knows none.
     */
    static List<TermAtATime.Boosted> terms(TermCache.Lookup known, TermCounts counts) throws IOException {
        IndexedTerm[] indexed = new IndexedTerm[counts.size()];
        double[] weights = new double[counts.size()];
        boolean[] inIndex = new boolean[counts.size()];
        for (int i = 0; i < indexed.length; i++) {
            indexed[i] = known.of(counts.term(i));
            inIndex[i] = indexed[i].docFreq() > 0;
            weights[i] = counts.count(i) * indexed[i].idf();
        }
        List<TermAtATime.Boosted> terms = new ArrayList<>(MAX_TERMS);
        for (int i : mostTelling(weights, inIndex, MAX_TERMS)) {
            terms.add(new TermAtATime.Boosted(indexed[i], counts.count(i)));
        }
        return terms;
    }

    /**
     * The indices of the {@code k} highest weights among those {@code eligible}, highest first; of equal weights,
     * the lower index (the term seen first). An insertion into a short list: a paper has ~150 terms.
     */
    static int[] mostTelling(double[] weights, boolean[] eligible, int k) {
        int[] top = new int[k];
        int size = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!eligible[i] || size == k && weights[i] <= weights[top[k - 1]]) {
                continue;
            }
            int at = size == k ? k - 1 : size++;
            while (at > 0 && weights[top[at - 1]] < weights[i]) {
                top[at] = top[at - 1];
                at--;
            }
            top[at] = i;
        }
        return Arrays.copyOf(top, size);
    }

    /**
     * The terms two texts share, most telling first (idf times the lower of the two frequencies), each as the
     * word first seen in {@code b}, at most {@code n}.
     */
    List<String> shared(IndexSearcher searcher, String a, String b, int n) throws IOException {
        Map<String, Integer> inA = TermCounts.of(analyzer, a).toMap();
        Map<String, String> words = new HashMap<>();
        Map<String, Integer> inB = TermCounts.of(analyzer, b, words).toMap();
        Map<String, Double> weights = new HashMap<>();
        TermCache.Lookup known = termCache.in(searcher);
        for (var entry : inB.entrySet()) {
            Integer other = inA.get(entry.getKey());
            if (other != null) {
                weights.put(entry.getKey(), Math.min(other, entry.getValue()) * known.of(entry.getKey()).idf());
            }
        }
        return weights.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(n).map(e -> words.get(e.getKey())).toList();
    }
}
