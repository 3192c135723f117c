package dev.akin.search;

import dev.akin.index.Filter;
import dev.akin.index.Hit;
import dev.akin.paper.Paper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Two indexes of the same papers, each filled by its own model, asked as one. A text search takes four lists,
 * each {@value #DEPTH} deep: the first index's passage-rescored list, its BM25 list and its dense list, and the
 * second index's dense list; each is min-max normalised, then weighted and summed. Two small models trained apart
 * miss different papers: on SciFact, bge-small-en-v1.5 with e5-small-v2 beats either alone (docs/benchmarks.md).
 * It costs a second index and a second query embedding. The caller opens and closes both engines, and indexes
 * the same inputs into both (the first with {@code --passages}); the write methods here write to both.
 *
 * <p>The first index is the record: a paper the second still holds but the first does not (deleted, or written
 * to the first alone) is never answered, and every answer's title and year are the first index's.
 */
public final class Ensemble {
    /**
     * Each list's depth, and so the largest k: as deep as the passages re-scoring, so that a paper 80th in one list
     * can still win.
     */
    public static final int DEPTH = 100;
    /** The first index's passages list: whole-text cosine share 0.6 (bge-small's train-best, as a mode alone). */
    static final Retrieval PASSAGES = Retrieval.parse("passages:0.6");
    /** The mode an ensemble's answers report. */
    public static final String MODE = "ensemble";
    /** Chosen on SciFact's train split (bge-small-en-v1.5-q first, e5-small-v2-q second; docs/benchmarks.md). */
    public static final Weights DEFAULT_WEIGHTS = new Weights(0.6, 0.3, 0.1, 0.2);

    /**
     * Each list's weight; only their ratios matter.
     *
     * @param passages the first index's passage-rescored list
     * @param lexical BM25 over title and abstract (from the first index)
     * @param dense the first index's dense list
     * @param secondDense the second index's dense list
     */
    public record Weights(double passages, double lexical, double dense, double secondDense) {
        /** Checks that each weight is a finite number >= 0 and that one is above 0. */
        public Weights {
            for (double w : new double[] {passages, lexical, dense, secondDense}) {
                if (!(w >= 0) || Double.isInfinite(w)) {
                    throw new IllegalArgumentException("ensemble weights must be finite and >= 0, got " + w);
                }
            }
            if (passages + lexical + dense + secondDense == 0) {
                throw new IllegalArgumentException("ensemble weights must not all be 0");
            }
        }

        double[] asArray() {
            return new double[] {passages, lexical, dense, secondDense};
        }
    }

    private final Akin first;
    private final Akin second;
    private final Weights weights;

    /**
     * @param first the engine whose sentence vectors and BM25 field are used; its index must keep passages
     * @param second another model's engine over the same papers
     */
    public Ensemble(Akin first, Akin second, Weights weights) {
        this.first = Objects.requireNonNull(first, "first");
        this.second = Objects.requireNonNull(second, "second");
        this.weights = Objects.requireNonNull(weights, "weights");
        if (first == second) {
            throw new IllegalArgumentException("an ensemble needs two engines, got the same one twice");
        }
    }

    /** Papers most like a text, by the four lists fused. */
    public Results search(String text, int k, Filter filter) {
        if (k < 1 || k > DEPTH) {
            throw new IllegalArgumentException("k must be in 1.." + DEPTH + ", got " + k);
        }
        List<Results> answers = answers(text, filter);
        boolean exact = answers.stream().allMatch(Results::exact);
        return new Results(fuse(answers.stream().map(Results::results).toList(), weights, k), exact, modelName(),
                MODE);
    }

    /** The four lists in {@link Weights}' order, for a caller that weighs them itself (tuning). */
    public List<List<Hit>> lists(String text, Filter filter) {
        return answers(text, filter).stream().map(Results::results).toList();
    }

    private List<Results> answers(String text, Filter filter) {
        List<Results> answers = new ArrayList<>(first.searchEach(text, DEPTH, filter,
                List.of(PASSAGES, Retrieval.LEXICAL, Retrieval.DENSE)));
        Set<String> seen = new HashSet<>();
        answers.forEach(answer -> answer.results().forEach(hit -> seen.add(hit.id())));
        Results fromSecond = second.search(text, DEPTH, filter, SearchOptions.DEFAULTS.with(Retrieval.DENSE));
        // Only the papers none of the first's lists found need asking whether the first still holds them.
        List<Hit> unseen = fromSecond.results().stream().filter(hit -> !seen.contains(hit.id())).toList();
        Map<String, Hit> held = new HashMap<>();
        first.held(unseen).forEach(hit -> held.put(hit.id(), hit));
        List<Hit> kept = fromSecond.results().stream().map(hit -> seen.contains(hit.id()) ? hit : held.get(hit.id()))
                .filter(Objects::nonNull).toList();
        answers.add(new Results(kept, fromSecond.exact(), fromSecond.model(), fromSecond.mode()));
        return answers;
    }

    /** Adds or replaces papers in both indexes (the first, then the second); returns how many. */
    public int upsert(List<Paper> papers) {
        int upserted = first.upsert(papers);
        second.upsert(papers);
        return upserted;
    }

    /** Deletes papers from both indexes; returns how many the first held. */
    public int delete(Collection<String> ids) {
        int deleted = first.delete(ids);
        second.delete(ids);
        return deleted;
    }

    /**
     * Indexes the same inputs into the first index (always keeping sentence vectors, which the ensemble reads), then
     * the second; returns both reports in that order. Progress counts the two passes as one run of twice the
     * papers. Malformed inputs stop the first pass, before the second.
     */
    public List<IndexReport> index(List<Path> paths, IndexOptions options, IndexProgress progress) {
        IndexReport one = first.index(paths, options.withPassages(true),
                (done, total, embedded) -> progress.update(done, 2 * total, embedded));
        IndexReport two = second.index(paths, options,
                (done, total, embedded) -> progress.update(total + done, 2 * total, one.embedded() + embedded));
        return List.of(one, two);
    }

    /** The two models' names, "first+second", as answers name their model. */
    public String modelName() {
        return first.modelName() + "+" + second.modelName();
    }

    /** The first {@code k} of the lists fused under these weights, a paper listed under two ids once. */
    public static List<Hit> fuse(List<List<Hit>> lists, Weights weights, int k) {
        // All of the fusion, not its first k: each list is without twins, but one twin may be in one list and the
        // other in another, and both among the first k.
        List<Hit> fused = Rerank.distinctTitles(Fusions.weighted(lists, weights.asArray(), Integer.MAX_VALUE));
        return fused.subList(0, Math.min(k, fused.size()));
    }
}
