package dev.akin.search;

import dev.akin.embed.Embedder;
import dev.akin.index.Hit;
import dev.akin.index.PassageMatcher;
import dev.akin.index.PassageVectors;
import java.util.ArrayList;
import java.util.List;

/**
 * Passage-level matching: a paper's passages are its sentences (the title one of them), each embedded alone, so
 * that nothing past the model's token limit is lost and two abstracts can match on one shared finding.
 */
final class Passages {
    private Passages() {
    }

    /**
     * The passage vectors of each text, from one batched inference over all their sentences.
     *
     * @return one entry per text, in order
     */
    static List<PassageVectors> embed(List<String> texts, Embedder embedder) {
        List<List<String>> split = texts.stream().map(Passages::split).toList();
        List<float[]> vectors = embedder.embedDocuments(split.stream().flatMap(List::stream).toList());
        List<PassageVectors> out = new ArrayList<>(texts.size());
        int next = 0;
        for (List<String> sentences : split) {
            out.add(PassageVectors.quantize(vectors.subList(next, next + sentences.size())));
            next += sentences.size();
        }
        return out;
    }

    private static List<String> split(String text) {
        List<String> sentences = Sentences.of(text);
        return sentences.isEmpty() ? List.of(text.isBlank() ? "-" : text) : sentences;
    }

    /**
     * Candidates re-scored by {@code wholeWeight * cosine + (1 - wholeWeight) * meanMax}, best first, where
     * meanMax is how well the candidate's passages cover the query's. A candidate without passages (written before
     * the index kept them) keeps its cosine as its passage match.
     *
     * @param passages the candidate's passages at its position, null where it has none
     */
    static List<Hit> rescore(List<Hit> candidates, List<PassageVectors> passages, PassageMatcher query,
                             double wholeWeight) {
        double[] scores = blend(candidates, passages, query, wholeWeight);
        List<Hit> out = new ArrayList<>(candidates.size());
        for (int i = 0; i < scores.length; i++) {
            Hit hit = candidates.get(i);
            out.add(new Hit(hit.id(), hit.title(), hit.year(), scores[i]));
        }
        out.sort((a, b) -> Double.compare(b.score(), a.score()));
        return out;
    }

    private static double[] blend(List<Hit> candidates, List<PassageVectors> passages, PassageMatcher query,
                                  double wholeWeight) {
        if (passages.size() != candidates.size()) {
            throw new IllegalArgumentException("one passages entry per candidate, got " + candidates.size()
                    + " candidates and " + passages.size() + " entries");
        }
        double[] out = new double[candidates.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = query.blend(candidates.get(i).score(), passages.get(i), wholeWeight);
        }
        return out;
    }
}
