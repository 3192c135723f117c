package dev.akin.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.akin.eval.BeirCollection;
import dev.akin.index.Filter;
import dev.akin.index.Hit;
import dev.akin.search.Akin;
import dev.akin.search.AkinConfig;
import dev.akin.search.Retrieval;
import dev.akin.search.SearchOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What a {@code minScore} means per mode: whether one threshold tells a question with relevant papers in the index
 * from a question with none. In-domain: a BEIR collection's test queries, and their relevant papers in the top 10.
 * Off-topic: titles from another field asked of the same index (CSFCube's computer-science papers against SciFact's
 * biomedical abstracts), whose answers should come back empty. Thresholds: the dense mode's best off-topic scores at
 * their 50th, 90th and 99th percentiles. For each mode and threshold, asked with {@code minScore}: the share of
 * relevant papers kept and the share of off-topic answers left empty; and, for comparison, the same two shares were
 * the threshold compared with the score each answer shows (BM25 or the fused score in lexical and hybrid modes).
 * Arguments: collection folder, index folder, CSFCube folder, modes (comma-separated).
 */
final class CalibrationStudy {
    private static final int OFF_TOPIC = 300;
    private static final double[] PERCENTILES = {0.5, 0.9, 0.99};

    private CalibrationStudy() {
    }

    public static void main(String[] args) {
        BeirCollection collection = BeirCollection.load(Path.of(args[0]), "test");
        List<String> offTopic = titles(Path.of(args[2]).resolve("abstracts-csfcube-reconstructed.jsonl"));
        try (Akin akin = Akin.open(AkinConfig.at(Path.of(args[1]), Path.of(System.getProperty("akin.models", "models"))))) {
            double[] denseBest = best(akin, offTopic, SearchOptions.DEFAULTS.with(Retrieval.DENSE));
            double[] thresholds = Arrays.stream(PERCENTILES).map(q -> quantile(denseBest, q)).toArray();
            System.out.printf("%s, %s: %d test queries, %d off-topic titles. Each cell: relevant papers of the top 10"
                    + " kept / off-topic answers left empty%n", args[0], akin.modelName(), collection.queries().size(),
                    offTopic.size());
            StringBuilder head = new StringBuilder("| mode | threshold compares |");
            for (int i = 0; i < thresholds.length; i++) {
                head.append(String.format(" minScore %.3f (dense p%.0f) |", thresholds[i], 100 * PERCENTILES[i]));
            }
            System.out.println(head);
            System.out.println("|---|---|" + "---|".repeat(thresholds.length));
            for (String mode : args[3].split(",")) {
                SearchOptions options = SearchOptions.DEFAULTS.with(Retrieval.parse(mode));
                List<Double> shown = new ArrayList<>();
                int relevant = relevantInTop10(akin, collection, options, shown);
                double[] shownBest = best(akin, offTopic, options);
                StringBuilder asked = new StringBuilder("| " + mode + " | the embedding score (minScore) |");
                StringBuilder naive = new StringBuilder("| | the score shown |");
                for (double t : thresholds) {
                    SearchOptions strict = options.withMinScore(t);
                    int kept = relevantInTop10(akin, collection, strict, new ArrayList<>());
                    long empty = offTopic.stream().filter(q -> akin.search(q, 10, Filter.NONE, strict).results()
                            .isEmpty()).count();
                    asked.append(cell(kept, relevant, empty, offTopic.size()));
                    naive.append(cell(shown.stream().filter(s -> s >= t).count(), relevant,
                            Arrays.stream(shownBest).filter(s -> s < t).count(), offTopic.size()));
                }
                System.out.println(asked);
                System.out.println(naive);
            }
        }
    }

    private static String cell(long kept, int relevant, long empty, int questions) {
        return String.format(" %.0f%% / %.0f%% |", 100.0 * kept / relevant, 100.0 * empty / questions);
    }

    /** Relevant papers in the test queries' top 10s; their shown scores are added to {@code scores}. */
    private static int relevantInTop10(Akin akin, BeirCollection collection, SearchOptions options,
                                       List<Double> scores) {
        int[] count = new int[1];
        collection.queries().forEach((id, text) -> {
            Map<String, Integer> grades = collection.qrels().get(id);
            for (Hit hit : akin.search(text, 10, Filter.NONE, options).results()) {
                if (grades.getOrDefault(hit.id(), 0) > 0) {
                    count[0]++;
                    scores.add(hit.score());
                }
            }
        });
        return count[0];
    }

    /** Each question's best shown score, sorted; an empty answer (BM25 sharing no term) counts as lowest. */
    private static double[] best(Akin akin, List<String> questions, SearchOptions options) {
        return questions.stream().mapToDouble(q -> akin.search(q, 10, Filter.NONE, options).results().stream()
                .mapToDouble(Hit::score).max().orElse(Double.NEGATIVE_INFINITY)).sorted().toArray();
    }

    private static double quantile(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
    }

    private static List<String> titles(Path abstracts) {
        ObjectMapper json = new ObjectMapper();
        try (var lines = Files.lines(abstracts)) {
            return lines.limit(OFF_TOPIC).map(line -> {
                try {
                    return json.readTree(line).get("title").asText();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read a line of " + abstracts, e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + abstracts, e);
        }
    }
}
