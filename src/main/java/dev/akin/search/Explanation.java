package dev.akin.search;

import java.util.List;

/**
 * Why a paper matched: the closest pair of sentences, one from the query and one from the paper, by embedding
 * similarity, and the strongest terms they share.
 *
 * @param querySentence the sentence of the query (text or query paper's title and abstract)
 * @param paperSentence the sentence of the matched paper's title and abstract
 * @param sentenceScore the cosine similarity of the two sentences, from their int8 sentence vectors (within about
 *                      0.01 of the float one)
 * @param sharedTerms words both contain, most telling first (rare in the index, frequent in both)
 */
public record Explanation(String querySentence, String paperSentence, double sentenceScore,
                          List<String> sharedTerms) {
    /** Copies the list, so the record stays immutable. */
    public Explanation {
        sharedTerms = List.copyOf(sharedTerms);
    }
}
