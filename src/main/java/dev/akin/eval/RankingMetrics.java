package dev.akin.eval;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Ranking metrics over a ranked list of ids and graded judgements (id to grade; unjudged means 0). Gains are
 * linear in the grade, as in trec_eval (which BEIR uses) and in CSFCube's evaluation script.
 */
public final class RankingMetrics {
    private RankingMetrics() {
    }

    /** nDCG@k: DCG of the top k over the DCG of the ideal ordering of every judged id. */
    public static double ndcg(List<String> ranked, Map<String, Integer> grades, int k) {
        double[] gains = new double[Math.min(k, ranked.size())];
        for (int i = 0; i < gains.length; i++) {
            gains[i] = grades.getOrDefault(ranked.get(i), 0);
        }
        double[] ideal = grades.values().stream().mapToDouble(Integer::doubleValue).filter(g -> g > 0)
                .map(g -> -g).sorted().map(g -> -g).limit(k).toArray();
        double best = dcg(ideal);
        return best == 0 ? 0 : dcg(gains) / best;
    }

    /** Fraction of the relevant ids (grade at least {@code minGrade}) found in the top k. */
    public static double recall(List<String> ranked, Map<String, Integer> grades, int k, int minGrade) {
        long relevant = grades.values().stream().filter(g -> g >= minGrade).count();
        if (relevant == 0) {
            return 0;
        }
        long found = ranked.stream().limit(k).filter(id -> grades.getOrDefault(id, 0) >= minGrade).count();
        return found / (double) relevant;
    }

    /** Reciprocal rank of the first relevant id within the top k, 0 when none. */
    public static double mrr(List<String> ranked, Map<String, Integer> grades, int k, int minGrade) {
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            if (grades.getOrDefault(ranked.get(i), 0) >= minGrade) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    /**
     * Average precision: the mean, over the relevant ids (grade at least {@code minGrade}), of the precision at the
     * rank where each is found; relevant ids never ranked count as precision 0.
     */
    public static double averagePrecision(List<String> ranked, Map<String, Integer> grades, int minGrade) {
        long relevant = grades.values().stream().filter(g -> g >= minGrade).count();
        if (relevant == 0) {
            return 0;
        }
        double sum = 0;
        int hits = 0;
        for (int i = 0; i < ranked.size(); i++) {
            if (grades.getOrDefault(ranked.get(i), 0) >= minGrade) {
                hits++;
                sum += hits / (double) (i + 1);
            }
        }
        return sum / relevant;
    }

    /** Overlap of two top-k lists: the share of {@code truth}'s first k that {@code approx}'s first k holds. */
    public static double overlap(List<String> approx, List<String> truth, int k) {
        List<String> top = truth.subList(0, Math.min(k, truth.size()));
        if (top.isEmpty()) {
            return 1;
        }
        return approx.stream().limit(k).filter(top::contains).count() / (double) top.size();
    }

    static double dcg(double[] gains) {
        double sum = 0;
        for (int i = 0; i < gains.length; i++) {
            sum += gains[i] / (Math.log(i + 2) / Math.log(2));
        }
        return sum;
    }

    static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(0);
    }
}
