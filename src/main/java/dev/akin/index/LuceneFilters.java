package dev.akin.index;

import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/** A {@link Filter} as a Lucene query. */
final class LuceneFilters {
    private LuceneFilters() {
    }

    /** The query, or null when the filter lets everything through. */
    static Query toQuery(Filter filter) {
        if (filter.isNone()) {
            return null;
        }
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        boolean positive = false;
        if (filter.yearFrom() != null || filter.yearTo() != null) {
            int from = filter.yearFrom() == null ? Integer.MIN_VALUE : filter.yearFrom();
            int to = filter.yearTo() == null ? Integer.MAX_VALUE : filter.yearTo();
            q.add(IntPoint.newRangeQuery(LuceneDocs.YEAR, from, to), Occur.FILTER);
            positive = true;
        }
        if (filter.category() != null) {
            q.add(new TermQuery(new Term(LuceneDocs.CATEGORY, filter.category())), Occur.FILTER);
            positive = true;
        }
        if (!positive) {
            q.add(MatchAllDocsQuery.INSTANCE, Occur.FILTER);
        }
        for (String id : filter.excludedIds()) {
            q.add(new TermQuery(new Term(LuceneDocs.ID, id)), Occur.MUST_NOT);
        }
        return q.build();
    }
}
