package dev.akin.index;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

/**
 * The top documents of a boosted term disjunction, scored term at a time: every posting of every term is added
 * into per-segment scores, from each term's postings as the reader's {@link TermCache} keeps them decoded and
 * scored. With few postings, or with kept ones, this beats Lucene's max-score search, whose per-term set-up
 * (impacts, score bounds) then costs more than adding each posting outright; with many postings to decode,
 * max-score's skipping wins (see {@link #suits}). The scores are the ones a BooleanQuery of boosted TermQuerys gives
 * (same similarity and statistics), up to float rounding.
 */
final class TermAtATime {
    /**
     * Term at a time is chosen when the postings not yet kept scored (their document frequencies summed) are at
     * most this many or a quarter of the query's, or fit in the reader's {@link TermCache}; otherwise Lucene's
     * max-score search runs, which skips what cannot make the top. On the 182k arXiv abstracts (32-term queries,
     * 29,000 postings and up), decoding and scoring every posting took 1.5-2.2x max-score's time; with the common
     * terms kept it takes 0.49-0.73x, 0.74 against 1.35 ms for whole abstracts with the 64 MB budget full
     * ({@code akin bench lexical-scale}, docs/benchmarks.md).
     */
    static final long MAX_POSTINGS = 16_384;

    /** A term of the disjunction and its boost. */
    record Boosted(IndexedTerm term, float boost) {
    }

    private TermAtATime() {
    }

    /** Total postings of {@code terms}. */
    static long postings(List<Boosted> terms) {
        return terms.stream().mapToLong(t -> t.term().docFreq()).sum();
    }

    /**
     * Whether term at a time suits these terms: their postings are kept scored, or the ones not kept are few (see
     * {@link #MAX_POSTINGS}) or will be kept (the reader's budget has room for them).
     */
    static boolean suits(List<Boosted> terms, TermCache.Lookup known) {
        long unkept = terms.stream().filter(t -> !t.term().kept()).mapToLong(t -> t.term().docFreq()).sum();
        return unkept <= Math.max(MAX_POSTINGS, postings(terms) / 4) || known.canKeep(unkept);
    }

    /**
     * The best {@code n} live documents (top-level doc ids, best first; ties by lower doc id, as Lucene's
     * collector) matching any of {@code terms} in the field of {@code norms} and {@code filter} (null for none).
     */
    static ScoreDoc[] top(IndexSearcher searcher, FieldNorms norms, List<Boosted> terms, Query filter, int n)
            throws IOException {
        if (terms.isEmpty() || n < 1) {
            return new ScoreDoc[0];
        }
        IndexedTerm.Scored[] scored = new IndexedTerm.Scored[terms.size()];
        for (int t = 0; t < scored.length; t++) {
            scored[t] = terms.get(t).term().scored(searcher, norms);
        }
        Weight filterWeight = filter == null ? null
                : searcher.createWeight(searcher.rewrite(filter), ScoreMode.COMPLETE_NO_SCORES, 1f);
        Best best = new Best(n);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            long postings = 0;
            for (IndexedTerm.Scored term : scored) {
                postings += term.docs()[leaf.ord].length;
            }
            Scorer filterScorer = filterWeight == null ? null : filterWeight.scorer(leaf);
            if (postings == 0 || filterWeight != null && filterScorer == null) {
                continue;
            }
            SegmentScores scores = SegmentScores.of(postings, leaf.reader().maxDoc());
            for (int t = 0; t < scored.length; t++) {
                scores.add(scored[t].docs()[leaf.ord], scored[t].scores()[leaf.ord], terms.get(t).boost());
            }
            scores.collect(leaf.reader().getLiveDocs(), filterScorer == null ? null : filterScorer.iterator(),
                    leaf.docBase, best);
        }
        return best.toScoreDocs();
    }
}
