package dev.akin.index;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The top documents of a boosted term disjunction, scored term at a time: every posting of every term is added
 * into a per-segment table. When the terms have few postings in all, this beats Lucene's max-score search, whose
 * per-term set-up (impacts, score bounds) then costs more than scoring each posting outright; with many postings,
 * max-score's skipping wins (see {@link #MAX_POSTINGS}). The scores are the ones a BooleanQuery of boosted
 * TermQuerys gives (same similarity and statistics), up to the order of float additions.
 */
final class TermAtATime {
    /**
     * The most postings (the terms' document frequencies summed) scored this way. Measured with whole abstracts as
     * queries (32 terms): on the bundled 395 papers a lexical similar took 0.10-0.11 ms this way against 0.18-0.19
     * with max-score; on SciFact (5,183 papers, mostly 2,000-10,000 postings) about the same; on the 182k arXiv
     * abstracts (29,000 postings and up) max-score was faster at every size, up to twice.
     */
    static final long MAX_POSTINGS = 16_384;

    /** A term of the disjunction and its boost. */
    record Boosted(BytesRef term, float boost, TermStates states) {
    }

    private TermAtATime() {
    }

    /** Total postings of {@code terms}: what {@link #MAX_POSTINGS} bounds. */
    static long postings(List<Boosted> terms) {
        return terms.stream().mapToLong(t -> t.states().docFreq()).sum();
    }

    /**
     * The best {@code n} live documents (top-level doc ids, best first; ties by lower doc id, as Lucene's
     * collector) matching any of {@code terms} in the field of {@code norms} and {@code filter} (null for none).
     */
    static ScoreDoc[] top(IndexSearcher searcher, FieldNorms norms, List<Boosted> terms, Query filter, int n)
            throws IOException {
        String field = norms.field();
        CollectionStatistics collection = searcher.collectionStatistics(field);
        if (collection == null || terms.isEmpty() || n < 1) {
            return new ScoreDoc[0];
        }
        Similarity.SimScorer[] scorers = new Similarity.SimScorer[terms.size()];
        for (int t = 0; t < scorers.length; t++) {
            Boosted term = terms.get(t);
            scorers[t] = searcher.getSimilarity().scorer(term.boost(), collection, searcher.termStatistics(
                    new Term(field, term.term()), term.states().docFreq(), term.states().totalTermFreq()));
        }
        long postings = postings(terms);
        Weight filterWeight = filter == null ? null
                : searcher.createWeight(searcher.rewrite(filter), ScoreMode.COMPLETE_NO_SCORES, 1f);
        // Lowest score first, and of equal scores the higher doc id, so that poll() drops what the collector would.
        PriorityQueue<ScoreDoc> best = new PriorityQueue<>(n + 1, (a, b) -> a.score != b.score
                ? Float.compare(a.score, b.score) : Integer.compare(b.doc, a.doc));
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Terms fieldTerms = leaf.reader().terms(field);
            Scorer filterScorer = filterWeight == null ? null : filterWeight.scorer(leaf);
            if (fieldTerms == null || filterWeight != null && filterScorer == null) {
                continue;
            }
            Table table = score(leaf, fieldTerms, terms, scorers, norms.of(leaf.reader()), postings);
            collect(leaf, table, filterScorer == null ? null : filterScorer.iterator(), best, n);
        }
        ScoreDoc[] out = new ScoreDoc[best.size()];
        for (int i = out.length - 1; i >= 0; i--) {
            out[i] = best.poll();
        }
        return out;
    }

    /** @param postings the terms' postings in the whole index: a bound on this segment's, to size the table */
    private static Table score(LeafReaderContext leaf, Terms fieldTerms, List<Boosted> terms,
                               Similarity.SimScorer[] scorers, byte[] norms, long postings) throws IOException {
        TermsEnum it = fieldTerms.iterator();
        Table table = new Table(postings, leaf.reader().maxDoc());
        PostingsEnum docs = null;
        for (int t = 0; t < terms.size(); t++) {
            var supplier = terms.get(t).states().get(leaf);
            TermState state = supplier == null ? null : supplier.get();
            if (state == null) {
                continue;
            }
            it.seekExact(terms.get(t).term(), state);
            docs = it.postings(docs, PostingsEnum.FREQS);
            Similarity.SimScorer scorer = scorers[t];
            for (int d = docs.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = docs.nextDoc()) {
                table.add(d, scorer.score(docs.freq(), norms[d]));
            }
        }
        return table;
    }

    private static void collect(LeafReaderContext leaf, Table table, DocIdSetIterator filter,
                                PriorityQueue<ScoreDoc> best, int n) throws IOException {
        if (filter != null) {
            table.sortByDoc(); // the filter iterates forwards only
        }
        Bits live = leaf.reader().getLiveDocs();
        for (int i = 0; i < table.size(); i++) {
            int d = table.doc(i);
            if (live != null && !live.get(d)
                    || filter != null && (filter.docID() < d ? filter.advance(d) : filter.docID()) != d) {
                continue;
            }
            float score = (float) table.score(i);
            if (best.size() < n) {
                best.add(new ScoreDoc(leaf.docBase + d, score));
            } else if (score > best.peek().score) {
                best.poll();
                best.add(new ScoreDoc(leaf.docBase + d, score));
            }
        }
    }

    /**
     * Doc id to summed score, in the order first added. Slots are a dense array over the segment's doc ids when
     * that is not much larger than the postings, else an open-addressing table sized by the postings, so that a few
     * rare terms in a large segment allocate little.
     */
    static final class Table {
        private final int[] keys;
        private final double[] values;
        private final int shift;
        private int[] docs;
        private int[] slots;
        private int size;

        Table(long postings, int maxDoc) {
            if (maxDoc <= 4 * postings) {
                keys = null;
                values = new double[maxDoc];
                shift = 0;
            } else {
                int bits = Math.max(4, 64 - Long.numberOfLeadingZeros(Math.max(1, postings) * 2 - 1));
                keys = new int[1 << bits];
                values = new double[keys.length];
                shift = 32 - bits;
                Arrays.fill(keys, -1);
            }
            docs = new int[(int) Math.min(Math.max(postings, 16), Math.max(maxDoc, 16))];
            slots = new int[docs.length];
        }

        void add(int doc, double score) {
            int slot;
            if (keys == null) {
                slot = doc;
                if (values[slot] == 0) { // every added score is positive
                    append(doc, slot);
                }
            } else {
                slot = slot(doc);
                if (keys[slot] < 0) {
                    keys[slot] = doc;
                    append(doc, slot);
                }
            }
            values[slot] += score;
        }

        private void append(int doc, int slot) {
            if (size == docs.length) {
                docs = Arrays.copyOf(docs, size * 2);
                slots = Arrays.copyOf(slots, size * 2);
            }
            docs[size] = doc;
            slots[size++] = slot;
        }

        int size() {
            return size;
        }

        /** The {@code i}th document added (or in doc order, after {@link #sortByDoc}). */
        int doc(int i) {
            return docs[i];
        }

        /** The summed score of {@link #doc doc(i)}. */
        double score(int i) {
            return values[slots[i]];
        }

        void sortByDoc() {
            long[] packed = new long[size];
            for (int i = 0; i < size; i++) {
                packed[i] = (long) docs[i] << 32 | slots[i];
            }
            Arrays.sort(packed);
            for (int i = 0; i < size; i++) {
                docs[i] = (int) (packed[i] >>> 32);
                slots[i] = (int) packed[i];
            }
        }

        /** The slot holding {@code doc}, or the empty one where it would go. */
        private int slot(int doc) {
            int mask = keys.length - 1;
            int slot = (doc * 0x9E3779B9) >>> shift;
            while (keys[slot] >= 0 && keys[slot] != doc) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }
    }
}
