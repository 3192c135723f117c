package dev.akin.search;

import dev.akin.eval.BeirCollection;
import dev.akin.eval.RankingMetrics;
import dev.akin.index.Filter;
import dev.akin.index.Hit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * How {@link Ensemble#DEFAULT_WEIGHTS} were chosen: every weighting on a grid scored on a BEIR collection's train
 * split, the best few printed with their test nDCG@10. Arguments: collection folder, the first and the second
 * model's eval indexes (the first with sentence vectors). {@code ./akin bench ensemble-study}.
 */
public final class EnsembleStudy {
    private EnsembleStudy() {
    }

    /** One query's four lists, min-max normalised over the union of their papers (0 where a list lacks one). */
    private record Table(String[] ids, double[][] scores, Map<String, Integer> grades) {
    }

    public static void main(String[] args) {
        Path models = Path.of(System.getProperty("akin.models", "models"));
        Path data = Path.of(args[0]);
        BeirCollection train = BeirCollection.load(data, "train");
        BeirCollection test = BeirCollection.load(data, "test");
        List<Table> trainTables;
        List<Table> testTables;
        try (Akin first = Akin.open(AkinConfig.at(Path.of(args[1]), models));
             Akin second = Akin.open(AkinConfig.at(Path.of(args[2]), models))) {
            Ensemble ensemble = new Ensemble(first, second, Ensemble.DEFAULT_WEIGHTS);
            trainTables = tables(ensemble, train);
            testTables = tables(ensemble, test);
        }
        List<double[]> grid = new ArrayList<>();
        for (int p = 0; p <= 8; p++) {
            for (int l = 0; l <= 5; l++) {
                for (int d = 0; d <= 4; d++) {
                    for (int s = 0; s <= 4; s++) {
                        if (p + l + d + s > 0) {
                            grid.add(new double[] {p / 10.0, l / 10.0, d / 10.0, s / 10.0});
                        }
                    }
                }
            }
        }
        record Scored(double[] weights, double train) {
        }
        List<Scored> scored = new ArrayList<>(grid.stream().map(w -> new Scored(w, ndcg(trainTables, w))).toList());
        scored.sort(Comparator.comparingDouble(Scored::train).reversed());
        System.out.printf("%s: %d weightings (passages, lexical, dense, second dense), min-max, best on train%n",
                data, grid.size());
        System.out.println("| rank | weights | train nDCG@10 | test nDCG@10 |");
        System.out.println("|---|---|---|---|");
        for (int i = 0; i < 8; i++) {
            Scored s = scored.get(i);
            System.out.printf("| %d | %s | %.4f | %.4f |%n", i + 1, Arrays.toString(s.weights()), s.train(),
                    ndcg(testTables, s.weights()));
        }
        Scored withoutSecond = scored.stream().filter(s -> s.weights()[3] == 0).findFirst().orElseThrow();
        System.out.printf("| best without the second model | %s | %.4f | %.4f |%n",
                Arrays.toString(withoutSecond.weights()), withoutSecond.train(), ndcg(testTables,
                        withoutSecond.weights()));
        double[] shipped = Ensemble.DEFAULT_WEIGHTS.asArray();
        System.out.printf("| default | %s | %.4f | %.4f |%n", Arrays.toString(shipped), ndcg(trainTables, shipped),
                ndcg(testTables, shipped));
    }

    private static List<Table> tables(Ensemble ensemble, BeirCollection collection) {
        List<Table> out = new ArrayList<>();
        collection.queries().forEach((id, text) -> {
            List<List<Hit>> lists = ensemble.lists(text, Filter.NONE);
            String[] ids = lists.stream().flatMap(List::stream).map(Hit::id).distinct().sorted()
                    .toArray(String[]::new);
            double[][] scores = new double[lists.size()][ids.length];
            for (int i = 0; i < lists.size(); i++) {
                double[] normalised = Fusions.minMax(lists.get(i));
                for (int j = 0; j < normalised.length; j++) {
                    scores[i][Arrays.binarySearch(ids, lists.get(i).get(j).id())] = normalised[j];
                }
            }
            out.add(new Table(ids, scores, collection.qrels().get(id)));
        });
        return out;
    }

    /** Mean nDCG@10 of the fused top 10; ties broken by id, as the grid needs a fixed order. */
    private static double ndcg(List<Table> tables, double[] weights) {
        double sum = 0;
        for (Table t : tables) {
            double[] fused = new double[t.ids().length];
            for (int i = 0; i < weights.length; i++) {
                for (int j = 0; j < fused.length; j++) {
                    fused[j] += weights[i] * t.scores()[i][j];
                }
            }
            Integer[] order = new Integer[fused.length];
            Arrays.setAll(order, j -> j);
            Arrays.sort(order, Comparator.comparingDouble((Integer j) -> -fused[j]));
            List<String> top = Arrays.stream(order).limit(10).map(j -> t.ids()[j]).toList();
            sum += RankingMetrics.ndcg(top, t.grades(), 10);
        }
        return sum / tables.size();
    }
}
