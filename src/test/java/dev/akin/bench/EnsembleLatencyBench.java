package dev.akin.bench;

import static dev.akin.bench.RetrievalLatencyBench.median;

import dev.akin.embed.EmbedOptions;
import dev.akin.eval.BeirCollection;
import dev.akin.index.Filter;
import dev.akin.search.Akin;
import dev.akin.search.AkinConfig;
import dev.akin.search.Ensemble;
import dev.akin.search.Retrieval;
import dev.akin.search.SearchOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Text-search latency of the two-model ensemble against one model's default search and its best mode, on a BEIR
 * collection's test queries (100 at random), single-threaded, the three taking turns round by round; each one's
 * p50 is the median over rounds of the round's p50. Inference as {@code akin serve} runs it: one ONNX Runtime
 * thread per inference (two models' multi-threaded pools on two cores spin against each other, which cost the
 * ensemble ~40% in a scratch run). Arguments: collection folder, first index (with passages), second index, rounds
 * (default 7).
 */
public final class EnsembleLatencyBench {
    private EnsembleLatencyBench() {
    }

    public static void main(String[] args) {
        Path models = Path.of(System.getProperty("akin.models", "models"));
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 7;
        List<String> queries = new ArrayList<>(BeirCollection.load(Path.of(args[0]), "test").queries().values());
        Collections.shuffle(queries, new Random(42));
        List<String> sample = queries.subList(0, Math.min(100, queries.size()));
        EmbedOptions serving = new EmbedOptions(1, Runtime.getRuntime().availableProcessors(), 16);
        try (Akin first = Akin.open(AkinConfig.at(Path.of(args[1]), models).withEmbed(serving));
             Akin second = Akin.open(AkinConfig.at(Path.of(args[2]), models).withEmbed(serving))) {
            Ensemble ensemble = new Ensemble(first, second, Ensemble.DEFAULT_WEIGHTS);
            SearchOptions best = SearchOptions.DEFAULTS.with(Retrieval.parse("hybrid-passages:0.7"));
            Map<String, Consumer<String>> ways = new LinkedHashMap<>();
            ways.put("default search (" + Akin.DEFAULT_SEARCH + ")", q -> first.search(q, 10, Filter.NONE));
            ways.put("hybrid-passages:0.7", q -> first.search(q, 10, Filter.NONE, best));
            ways.put("ensemble", q -> ensemble.search(q, 10, Filter.NONE));
            Map<String, double[]> p50 = new LinkedHashMap<>();
            ways.forEach((name, way) -> {
                time(sample, way); // warm-up
                p50.put(name, new double[rounds]);
            });
            for (int r = 0; r < rounds; r++) {
                for (var way : ways.entrySet()) {
                    p50.get(way.getKey())[r] = median(time(sample, way.getValue()));
                }
            }
            double base = median(p50.values().iterator().next());
            System.out.printf("%s: %d papers; %s + %s; %d queries x %d rounds, k=10, one thread%n", args[0],
                    first.stats().papers(), first.modelName(), second.modelName(), sample.size(), rounds);
            System.out.println("| search | p50 ms (median of rounds) | min..max | vs default search |");
            System.out.println("|---|---|---|---|");
            p50.forEach((name, values) -> System.out.printf("| %s | %.2f | %.2f..%.2f | %.2fx |%n", name,
                    median(values), Arrays.stream(values).min().orElse(0), Arrays.stream(values).max().orElse(0),
                    median(values) / base));
        }
    }

    private static double[] time(List<String> queries, Consumer<String> way) {
        double[] ms = new double[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            long start = System.nanoTime();
            way.accept(queries.get(i));
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        return ms;
    }
}
