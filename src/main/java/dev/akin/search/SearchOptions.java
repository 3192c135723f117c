package dev.akin.search;

/**
 * How similar and search answer, beyond k and the filter.
 *
 * @param retrieval dense, lexical or hybrid; null for the operation's default ({@link Akin#DEFAULT_SEARCH},
 *                  {@link Akin#DEFAULT_SIMILAR})
 * @param minScore leave out papers whose embedding score (cosine with the question, or the passage modes' blend) is
 *                 below this, in every mode, so the answer may hold fewer than k; not BM25's or a fusion's score,
 *                 which are relative to the question
 * @param mmrLambda maximal marginal relevance: 1 ranks by relevance alone; lower values trade relevance for
 *                  papers unlike the ones already listed (0.7 is a common choice)
 * @param explain say why each of the first {@value #MAX_EXPLAINED} papers matched (closest sentence pair, shared
 *                terms); the others carry no explanation; may cost an inference per answer, over the sentences the
 *                index keeps no vectors of (a text question's, a paper's indexed without {@code --passages})
 */
public record SearchOptions(Retrieval retrieval, double minScore, double mmrLambda, boolean explain) {
    /**
     * How many papers of an answer are explained, at most. On an index without sentence vectors explaining embeds
     * every sentence of each paper (up to 24), so explaining a whole k=1000 answer would embed up to 24,000
     * sentences in one request, which anyone may send; 20 is two pages of results, at most about 500 sentences.
     */
    public static final int MAX_EXPLAINED = 20;
    /** The operation's default retrieval, no score threshold, no diversity re-ranking, no explanations. */
    public static final SearchOptions DEFAULTS = new SearchOptions(null, Double.NEGATIVE_INFINITY, 1, false);

    /** Checks lambda and the threshold. */
    public SearchOptions {
        if (!(mmrLambda > 0 && mmrLambda <= 1)) {
            throw new IllegalArgumentException("MMR lambda must be in (0, 1], got " + mmrLambda);
        }
        if (Double.isNaN(minScore)) {
            throw new IllegalArgumentException("minScore must be a number");
        }
    }

    /** A copy retrieving this way. */
    public SearchOptions with(Retrieval value) {
        return new SearchOptions(value, minScore, mmrLambda, explain);
    }

    /** A copy with this score threshold. */
    public SearchOptions withMinScore(double value) {
        return new SearchOptions(retrieval, value, mmrLambda, explain);
    }

    /** A copy with this MMR lambda (1: off). */
    public SearchOptions withMmrLambda(double value) {
        return new SearchOptions(retrieval, minScore, value, explain);
    }

    /** A copy that does or does not explain each result. */
    public SearchOptions withExplain(boolean value) {
        return new SearchOptions(retrieval, minScore, mmrLambda, value);
    }
}
