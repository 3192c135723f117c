package dev.akin.index;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.BytesRef;

/**
 * A term of the lexical field as one point-in-time reader knows it: where its postings start in each segment, with
 * its statistics ({@link TermStates}), and, once a term-at-a-time query has needed them, its postings decoded and
 * scored. Within one reader neither can change, and both are only read once built, so concurrent queries share
 * them.
 */
final class IndexedTerm {
    private final BytesRef bytes;
    private final TermStates states;
    private final double idf;
    /** Bytes of scored postings the reader holds, across its terms; null when nothing is kept for the reader. */
    private final AtomicLong readerBytes;
    private final long maxReaderBytes;
    private volatile Scored scored;

    /**
     * One segment's postings, by leaf ordinal: the documents that have the term (ascending, deleted ones too) and
     * the term's BM25 score in each at boost 1. Eight bytes a posting.
     */
    record Scored(int[][] docs, float[][] scores) {
    }

    /**
     * @param docs the reader's live documents, for the idf
     * @param readerBytes the reader's scored postings so far, in bytes; null to keep none
     */
    IndexedTerm(String text, TermStates states, long docs, AtomicLong readerBytes, long maxReaderBytes) {
        this.bytes = new BytesRef(text);
        this.states = states;
        long n = Math.max(1, docs);
        this.idf = Math.log(1 + (n - states.docFreq() + 0.5) / (states.docFreq() + 0.5));
        this.readerBytes = readerBytes;
        this.maxReaderBytes = maxReaderBytes;
    }

    BytesRef bytes() {
        return bytes;
    }

    TermStates states() {
        return states;
    }

    /** How telling the term is, for choosing a long query's terms: BM25's idf over the reader's live documents. */
    double idf() {
        return idf;
    }

    /** Documents with the term in the whole reader, deleted ones included: its number of postings. */
    int docFreq() {
        return states.docFreq();
    }

    /** Whether the term's scored postings are kept: a query then reads them instead of decoding the postings. */
    boolean kept() {
        return scored != null;
    }

    /**
     * The term's postings with their scores in {@code searcher}'s reader (the one this term was looked up in),
     * decoded on first use; kept while the reader's scored postings stay within their byte budget.
     */
    Scored scored(IndexSearcher searcher, FieldNorms norms) throws IOException {
        Scored known = scored;
        if (known != null) {
            return known;
        }
        Scored built = score(searcher, norms);
        long size = 8L * states.docFreq();
        // Two queries scoring the term at once may both count it: the budget then errs low, never high.
        if (readerBytes != null && readerBytes.addAndGet(size) <= maxReaderBytes) {
            scored = built;
        } else if (readerBytes != null) {
            readerBytes.addAndGet(-size);
        }
        return built;
    }

    private Scored score(IndexSearcher searcher, FieldNorms norms) throws IOException {
        String field = norms.field();
        // Boost 1: a query multiplies in its own count of the term. No scorer when no segment has the term (nor,
        // then, any statistics to build one from).
        Similarity.SimScorer scorer = states.docFreq() == 0 ? null : searcher.getSimilarity().scorer(1f,
                searcher.collectionStatistics(field),
                searcher.termStatistics(new Term(field, bytes), states.docFreq(), states.totalTermFreq()));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int[][] docs = new int[leaves.size()][];
        float[][] scores = new float[leaves.size()][];
        for (LeafReaderContext leaf : leaves) {
            var supplier = states.get(leaf);
            TermState state = supplier == null ? null : supplier.get();
            Terms terms = leaf.reader().terms(field);
            if (state == null || terms == null) {
                docs[leaf.ord] = new int[0];
                scores[leaf.ord] = new float[0];
                continue;
            }
            TermsEnum it = terms.iterator();
            it.seekExact(bytes, state);
            int n = it.docFreq();
            int[] segmentDocs = new int[n];
            float[] segmentScores = new float[n];
            byte[] segmentNorms = norms.of(leaf.reader());
            PostingsEnum postings = it.postings(null, PostingsEnum.FREQS);
            int i = 0;
            for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
                segmentDocs[i] = d;
                segmentScores[i++] = scorer.score(postings.freq(), segmentNorms[d]);
            }
            docs[leaf.ord] = segmentDocs;
            scores[leaf.ord] = segmentScores;
        }
        return new Scored(docs, scores);
    }
}
