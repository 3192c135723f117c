package dev.akin.cli;

import dev.akin.eval.BeirCollection;
import dev.akin.eval.BeirEval;
import dev.akin.eval.CsfcubeEval;
import dev.akin.search.Akin;
import dev.akin.search.AkinConfig;
import dev.akin.search.Ensemble;
import dev.akin.search.Retrieval;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Quality on public benchmarks, several models in one run: a table on stdout and a JSON file. */
@Command(name = "eval", description = "Measure retrieval quality on public benchmarks.",
        subcommands = {EvalCommand.Beir.class, EvalCommand.Pairs.class})
final class EvalCommand {
    static final List<String> ALL_MODELS = List.of("all-minilm-l6-v2", "all-minilm-l6-v2-q", "bge-small-en-v1.5",
            "bge-small-en-v1.5-q", "e5-small-v2-q");

    static void warnSkipped(dev.akin.search.IndexReport report, PrintWriter err) {
        if (!report.skipped().isEmpty()) {
            err.println("akin: warning: " + report.skipped().size() + " records were not indexed, first: "
                    + report.skipped().getFirst());
        }
    }

    /** Options shared by both evaluations. */
    static final class Common {
        @Option(names = "--model", paramLabel = "NAME", description = "Model to evaluate (repeatable; default: the"
                + " five bundled models).")
        List<String> models = new ArrayList<>();

        @Option(names = "--mode", paramLabel = "MODE", description = "Retrieval to evaluate (repeatable): dense,"
                + " lexical, hybrid-rrf, hybrid-weighted[:W], passages[:W], hybrid-passages[:W] (default: dense).")
        List<String> modes = new ArrayList<>();

        @Option(names = "--work", paramLabel = "DIR", defaultValue = "index/eval", description = "Where the per-model"
                + " indexes are kept, reused incrementally by later runs (default: ${DEFAULT-VALUE}).")
        Path work;

        @Option(names = "--out", paramLabel = "FILE", description = "JSON results file (default: WORK/<name>.json).")
        Path out;

        @Option(names = "--models", paramLabel = "DIR", description = "Folder of bundled models (default: akin's models/).")
        Path modelsDir;

        List<String> models() {
            return models.isEmpty() ? ALL_MODELS : models;
        }

        List<Retrieval> modes() {
            return modes.isEmpty() ? List.of(Retrieval.DENSE) : modes.stream().map(Retrieval::parse).toList();
        }

        Akin open(String collection, String model) {
            Path index = work.resolve(collection + "-" + Path.of(model).getFileName());
            return Akin.open(AkinConfig.at(index, modelsDir == null ? IndexOption.home("models") : modelsDir)
                    .withModel(model));
        }

        void write(String name, Object results, PrintWriter err) throws IOException {
            Path file = out != null ? out : work.resolve(name + ".json");
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
                Printer.json(w, results);
            }
            err.println("akin: results written to " + file);
        }
    }

    @Command(name = "beir", description = "BEIR collection: nDCG@10, Recall@100, MRR@10 and ANN fidelity per model.")
    static final class Beir implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", description = "Folder with corpus.jsonl, queries.jsonl, qrels/.")
        Path dir;

        @Option(names = "--split", defaultValue = "test", description = "qrels split (default: ${DEFAULT-VALUE}).")
        String split;

        @Option(names = "--ensemble", paramLabel = "MODEL", description = "Also a row per --model for the ensemble"
                + " of it with MODEL: its passages, BM25 and dense lists and MODEL's dense list, fused with the"
                + " default ensemble weights.")
        String ensemble;

        @Mixin
        Common common;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            BeirCollection collection = BeirCollection.load(dir, split);
            String name = dir.toAbsolutePath().normalize().getFileName().toString();
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%s, split %s, %d queries%n%n", name, split, collection.queries().size());
            out.println("| model | mode | nDCG@10 | Recall@100 | MRR@10 | ANN recall@10 | embedded |");
            out.println("|---|---|---|---|---|---|---|");
            List<BeirEval.Scores> all = new ArrayList<>();
            for (String model : common.models()) {
                try (Akin akin = common.open(name, model)) {
                    for (Retrieval mode : common.modes()) {
                        BeirEval.Scores s = BeirEval.run(akin, collection, mode);
                        warnSkipped(s.indexing(), spec.commandLine().getErr());
                        all.add(print(s, out));
                    }
                    if (ensemble != null) {
                        try (Akin second = common.open(name, ensemble)) {
                            all.add(print(BeirEval.run(akin, second, Ensemble.DEFAULT_WEIGHTS, collection), out));
                        }
                    }
                }
            }
            common.write("beir-" + name + "-" + split, Map.of("collection", name, "split", split, "scores", all),
                    spec.commandLine().getErr());
            return 0;
        }

        private static BeirEval.Scores print(BeirEval.Scores s, PrintWriter out) {
            out.printf("| %s | %s | %.3f | %.3f | %.3f | %s | %d |%n", s.model(), s.mode(), s.ndcg10(), s.recall100(),
                    s.mrr10(), Double.isNaN(s.annRecall10()) ? "-" : String.format("%.3f", s.annRecall10()),
                    s.indexing().embedded());
            out.flush();
            return s;
        }
    }

    @Command(name = "pairs", description = "Paper-to-paper similarity with graded pools (CSFCube format): MAP and"
            + " NDCG%%20 per facet, dev and test folds, per model; the shipped SPECTER ranking as a reference row.")
    static final class Pairs implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", description = "Folder with test-pid2anns-csfcube-*.json,"
                + " abstracts-csfcube-reconstructed.jsonl and evaluation_splits.json.")
        Path dir;

        @Mixin
        Common common;

        @Option(names = "--tune", description = "Also a row per model tuned the collection's way: for each fold, the"
                + " --mode best on its dev pools, scored on its test pools.")
        boolean tune;

        @Option(names = "--focus", description = "Query each pool's paper focused on its facet: the sentences the"
                + " collection labels with that facet (akin similar --focus); rows say 'focus'.")
        boolean focus;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            String name = dir.toAbsolutePath().normalize().getFileName().toString();
            List<CsfcubeEval.Pool> pools = CsfcubeEval.pools(dir);
            Path splits = dir.resolve("evaluation_splits.json");
            Map<String, List<CsfcubeEval.Scores>> results = new LinkedHashMap<>();
            Map<String, Path> shipped = new LinkedHashMap<>();
            for (String facet : CsfcubeEval.FACETS) {
                Path f = dir.resolve("sample_ranked_pools").resolve("test-pid2pool-csfcube-specter-" + facet
                        + "-ranked.json");
                if (Files.isRegularFile(f)) {
                    shipped.put(facet, f);
                }
            }
            if (shipped.size() == CsfcubeEval.FACETS.size()) {
                results.put("SPECTER (shipped ranking)", CsfcubeEval.score(pools, CsfcubeEval.shipped(shipped), splits));
            }
            Path abstracts = CsfcubeEval.abstracts(dir);
            Function<CsfcubeEval.Pool, String> focused = focus ? CsfcubeEval.facetFocus(abstracts) : pool -> null;
            for (String model : common.models()) {
                try (Akin akin = common.open(name, model)) {
                    var report = akin.index(List.of(abstracts), dev.akin.search.IndexOptions.defaults()
                            .withPassages(common.modes().stream().anyMatch(Retrieval::needsPassages)),
                            dev.akin.search.IndexProgress.NONE);
                    warnSkipped(report, spec.commandLine().getErr());
                    Map<String, Map<String, double[]>> perPool = new LinkedHashMap<>();
                    for (Retrieval mode : common.modes()) {
                        var ranker = mode.mode() == Retrieval.Mode.DENSE && !focus ? CsfcubeEval.byVectors(akin::vector)
                                : CsfcubeEval.byRetrieval(akin, mode, 1000, focused);
                        Map<String, double[]> scores = CsfcubeEval.perPool(pools, ranker);
                        String row = mode + (focus ? " focus" : "");
                        perPool.put(row, scores);
                        results.put(akin.modelName() + " " + row, CsfcubeEval.score(scores, splits));
                    }
                    if (tune) {
                        CsfcubeEval.Tuned tuned = CsfcubeEval.tuned(perPool, splits);
                        results.put(akin.modelName() + " tuned on dev " + tuned.chosen(), tuned.scores());
                    }
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%s: %d pools; MAP and NDCG%%20 in percent (test folds; dev in brackets)%n%n", name, pools.size());
            out.println("| ranker | all MAP | all NDCG%20 | background MAP / NDCG%20 | method MAP / NDCG%20 |"
                    + " result MAP / NDCG%20 |");
            out.println("|---|---|---|---|---|---|");
            results.forEach((ranker, scores) -> out.printf("| %s | %s | %s | %s | %s | %s |%n", ranker,
                    cell(scores, "all", true), cell(scores, "all", false), both(scores, "background"),
                    both(scores, "method"), both(scores, "result")));
            common.write("pairs-" + name, results, spec.commandLine().getErr());
            return 0;
        }

        private static String cell(List<CsfcubeEval.Scores> scores, String facet, boolean map) {
            CsfcubeEval.Scores test = find(scores, facet, "test");
            CsfcubeEval.Scores dev = find(scores, facet, "dev");
            return map ? String.format("%.1f (%.1f)", test.map(), dev.map())
                    : String.format("%.1f (%.1f)", test.ndcg20(), dev.ndcg20());
        }

        private static String both(List<CsfcubeEval.Scores> scores, String facet) {
            CsfcubeEval.Scores test = find(scores, facet, "test");
            return String.format("%.1f / %.1f", test.map(), test.ndcg20());
        }

        private static CsfcubeEval.Scores find(List<CsfcubeEval.Scores> scores, String facet, String split) {
            return scores.stream().filter(s -> s.facet().equals(facet) && s.split().equals(split)).findFirst()
                    .orElseThrow();
        }
    }
}
