package dev.akin.bench;

import dev.akin.index.Filter;
import dev.akin.index.Hit;
import dev.akin.paper.Paper;
import dev.akin.search.Akin;
import dev.akin.search.AkinConfig;
import dev.akin.search.Retrieval;
import dev.akin.search.SearchOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Similar-by-id latency of each retrieval mode against dense, on an existing index, single-threaded: the modes
 * take turns round by round on the same 200 random papers, and each mode's p50 is the median over rounds of the
 * round's p50; the passages mode too when the index keeps sentence vectors, a dense similar re-ranked by MMR
 * (lambda 0.7, which reads 50 candidates' vectors), and a dense similar with explanations
 * (on the first 20 papers: without sentence vectors in the index each one embeds ~100 sentences). Arguments: index
 * folder, rounds (default 7).
 */
public final class RetrievalLatencyBench {
    private static final List<String> MODES = List.of("dense", "lexical", "hybrid-rrf", "hybrid-weighted:0.5");
    /** A focused similar (its default retrieval) on the paper's last sentence: one query inference each. */
    private static final String FOCUSED = "focused";
    /** A dense similar re-ranked for diversity. */
    private static final String MMR = "dense, mmr 0.7";
    /** A dense similar with {@code explain=true}. */
    private static final String EXPLAINED = "dense, explained";
    private static final int EXPLAINED_PAPERS = 20;

    private RetrievalLatencyBench() {
    }

    public static void main(String[] args) {
        Path index = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        try (Akin akin = Akin.open(AkinConfig.at(index, Path.of(System.getProperty("akin.models", "models"))))) {
            List<String> ids = new ArrayList<>(akin.search("method results", 1000, Filter.NONE,
                    SearchOptions.DEFAULTS.with(Retrieval.LEXICAL)).results().stream().map(Hit::id).toList());
            Collections.shuffle(ids, new Random(42));
            List<String> sample = ids.subList(0, Math.min(200, ids.size()));
            List<String> modes = new ArrayList<>(MODES);
            if (akin.stats().passages()) {
                modes.add("passages");
            }
            modes.add(FOCUSED);
            modes.add(MMR);
            modes.add(EXPLAINED);
            Map<String, String> focus = new HashMap<>();
            sample.forEach(id -> focus.put(id, lastSentence(akin.paper(id))));
            Map<String, double[]> p50 = new LinkedHashMap<>();
            modes.forEach(m -> p50.put(m, new double[rounds]));
            for (String mode : modes) {
                time(akin, sample, mode, focus); // warm-up
            }
            for (int r = 0; r < rounds; r++) {
                for (String mode : modes) {
                    p50.get(mode)[r] = median(time(akin, sample, mode, focus));
                }
            }
            double dense = median(p50.get("dense"));
            System.out.printf("%s: %d papers, %d queries x %d rounds, k=10, one thread%n", index,
                    akin.stats().papers(), sample.size(), rounds);
            System.out.println("| mode | similar p50 ms (median of rounds) | min..max | vs dense |");
            System.out.println("|---|---|---|---|");
            p50.forEach((mode, values) -> System.out.printf("| %s | %.3f | %.3f..%.3f | %.2fx |%n", mode,
                    median(values), Arrays.stream(values).min().orElse(0), Arrays.stream(values).max().orElse(0),
                    median(values) / dense));
        }
    }

    private static double[] time(Akin akin, List<String> ids, String mode, Map<String, String> focus) {
        boolean focused = mode.equals(FOCUSED);
        boolean explained = mode.equals(EXPLAINED);
        SearchOptions options = focused ? SearchOptions.DEFAULTS
                : explained ? SearchOptions.DEFAULTS.with(Retrieval.DENSE).withExplain(true)
                : mode.equals(MMR) ? SearchOptions.DEFAULTS.with(Retrieval.DENSE).withMmrLambda(0.7)
                : SearchOptions.DEFAULTS.with(Retrieval.parse(mode));
        if (explained) {
            ids = ids.subList(0, Math.min(EXPLAINED_PAPERS, ids.size()));
        }
        double[] ms = new double[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            long start = System.nanoTime();
            akin.similar(ids.get(i), focused ? focus.get(ids.get(i)) : null, 10, Filter.NONE, options);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        return ms;
    }

    /** The abstract's last sentence (often the finding), or the title: a focus as a reader might pick it. */
    private static String lastSentence(Paper paper) {
        String[] sentences = paper.abstractText().split("(?<=[.!?])\\s+");
        String last = sentences[sentences.length - 1].strip();
        return last.isEmpty() ? paper.title() : last;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
