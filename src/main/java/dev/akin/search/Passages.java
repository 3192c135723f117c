package dev.akin.search;

import dev.akin.embed.Embedder;
import dev.akin.index.Hit;
import dev.akin.index.PassageMatcher;
import dev.akin.index.PassageVectors;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
     * The {@code n} candidates that {@link #rescore} would most likely rank first, by a cheaper match: {@code whole}
     * is one vector (the query's), so each candidate costs one dot product per passage instead of one per pair.
     * The shortlist keeps the candidates' order and their original scores.
     */
    static List<Hit> shortlist(List<Hit> candidates, PassageMatcher whole, Map<String, PassageVectors> passages,
                               double wholeWeight, int n) {
        List<Hit> rough = rescore(candidates, whole, passages, wholeWeight);
        Set<String> kept = new HashSet<>();
        rough.subList(0, Math.min(n, rough.size())).forEach(h -> kept.add(h.id()));
        return candidates.stream().filter(h -> kept.contains(h.id())).toList();
    }

    /**
     * Candidates re-scored by {@code wholeWeight * cosine + (1 - wholeWeight) * meanMax}, best first, where
     * meanMax is how well the candidate's passages cover the query's. A candidate without passages (written before
     * the index kept them) keeps its cosine as its passage match.
     */
    static List<Hit> rescore(List<Hit> candidates, PassageMatcher query, Map<String, PassageVectors> passages,
                             double wholeWeight) {
        List<Hit> out = new ArrayList<>(candidates.size());
        for (Hit hit : candidates) {
            PassageVectors doc = passages.get(hit.id());
            double match = doc == null ? hit.score() : query.meanMax(doc);
            out.add(new Hit(hit.id(), hit.title(), hit.year(), wholeWeight * hit.score() + (1 - wholeWeight) * match));
        }
        out.sort((a, b) -> Double.compare(b.score(), a.score()));
        return out;
    }
}
