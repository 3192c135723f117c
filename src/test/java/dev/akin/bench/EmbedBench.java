package dev.akin.bench;

import ai.onnxruntime.OrtException;
import dev.akin.embed.EmbedOptions;
import dev.akin.embed.ModelSpec;
import dev.akin.embed.OnnxEmbedder;
import dev.akin.paper.Inputs;
import dev.akin.paper.Paper;
import dev.akin.paper.PaperSink;
import dev.akin.paper.Skipped;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Embedding throughput, akin against its peers on the same texts in the same JVM, runs interleaved so that
 * machine noise hits every system alike; reports medians and ratios. Then, with {@code --sweep}, akin alone over
 * model x precision x ORT threads x batch size, plotted as throughput against threads.
 * {@code ./akin bench embed --rounds 5 --threads 2 --sweep}.
 */
@Command(name = "embed", mixinStandardHelpOptions = true,
        description = "Embedding papers/s: akin vs langchain4j vs plain ONNX Runtime; optionally a settings sweep.")
final class EmbedBench implements Callable<Integer> {
    @Option(names = "--rounds", defaultValue = "5", description = "Interleaved timed rounds (default ${DEFAULT-VALUE}).")
    int rounds;
    @Option(names = "--threads", defaultValue = "2", description = "ORT intra-op threads for the peer table.")
    int threads;
    @Option(names = "--sweep", description = "Also sweep models x threads x batch sizes (akin only).")
    boolean sweep;
    @Option(names = "--sweep-threads", split = ",", defaultValue = "1,2,4", description = "Thread counts swept.")
    List<Integer> sweepThreads;
    @Option(names = "--sweep-batches", split = ",", defaultValue = "1,16,64", description = "Batch sizes swept.")
    List<Integer> sweepBatches;
    @Option(names = "--sweep-texts", defaultValue = "100", description = "Abstracts per sweep round.")
    int sweepTexts;
    @Option(names = "--plots", defaultValue = "target/bench", description = "Where the PNG plots go.")
    Path plots;

    /** One system under test: embeds the whole list once. */
    interface Peer {
        void run(List<String> texts) throws OrtException;
    }

    @Override
    public Integer call() throws IOException, OrtException {
        Path models = Path.of(System.getProperty("akin.models", "models"));
        List<String> texts = texts(Path.of("data"));
        Path cache = Files.createTempDirectory("akin-bench");

        ModelSpec fp32 = ModelSpec.load(models.resolve("all-minilm-l6-v2"));
        ModelSpec int8 = ModelSpec.load(models.resolve("all-minilm-l6-v2-q"));
        Map<String, Peer> peers = new LinkedHashMap<>();
        List<OnnxEmbedder> akins = new ArrayList<>();
        List<PlainOrtEmbedder> plains = new ArrayList<>();
        // akin first: DJL insists on creating the process-wide ONNX Runtime environment itself.
        for (int tokens : new int[] {128, 256}) {
            for (ModelSpec spec : List.of(fp32, int8)) {
                ModelSpec at = withMaxTokens(spec, tokens);
                OnnxEmbedder akin = OnnxEmbedder.open(at, new EmbedOptions(threads, 1, 16), cache);
                PlainOrtEmbedder plain = new PlainOrtEmbedder(at, threads, 16);
                akins.add(akin);
                plains.add(plain);
                String label = spec.name() + " @" + tokens;
                peers.put("akin | " + label, akin::embedDocuments);
                peers.put("plain ORT | " + label, plain::embed);
            }
        }
        AllMiniLmL6V2EmbeddingModel langchain = new AllMiniLmL6V2EmbeddingModel();
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        peers.put("langchain4j | all-minilm-l6-v2 @128", t -> langchain.embedAll(segments));

        Map<String, List<Double>> rates = new LinkedHashMap<>();
        for (var peer : peers.entrySet()) {
            peer.getValue().run(texts); // warm-up: JIT, ORT arenas
            rates.put(peer.getKey(), new ArrayList<>());
        }
        for (int round = 0; round < rounds; round++) {
            for (var peer : peers.entrySet()) {
                long start = System.nanoTime();
                peer.getValue().run(texts);
                rates.get(peer.getKey()).add(texts.size() / ((System.nanoTime() - start) / 1e9));
            }
        }
        akins.forEach(OnnxEmbedder::close);
        for (PlainOrtEmbedder plain : plains) {
            plain.close();
        }

        double peak256 = FmaPeak.gflops(threads, 256);
        double peak512 = FmaPeak.gflops(threads, 512);
        OnnxTokens lengths = OnnxTokens.of(fp32, texts, 256);
        System.out.printf("%d abstracts, %d threads, %d interleaved rounds, median papers/s%n%n", texts.size(),
                threads, rounds);
        System.out.println("| system | model @ max tokens | papers/s (median) | min..max | vs langchain4j | vs plain ORT |");
        System.out.println("|---|---|---|---|---|---|");
        double langchainRate = median(rates.get("langchain4j | all-minilm-l6-v2 @128"));
        for (var entry : rates.entrySet()) {
            String[] parts = entry.getKey().split(" \\| ");
            double rate = median(entry.getValue());
            String plainKey = "plain ORT | " + parts[1];
            String vsPlain = parts[0].equals("akin") ? String.format("%.2fx", rate / median(rates.get(plainKey))) : "";
            // langchain4j truncates at 128 tokens: every system at 128 is compared with it, int8 included.
            String vsLangchain = parts[1].endsWith(" @128") && !parts[0].equals("langchain4j")
                    ? String.format("%.2fx", rate / langchainRate) : "";
            System.out.printf("| %s | %s | %.1f | %.1f..%.1f | %s | %s |%n", parts[0], parts[1], rate,
                    entry.getValue().stream().mapToDouble(d -> d).min().orElse(0),
                    entry.getValue().stream().mapToDouble(d -> d).max().orElse(0), vsLangchain, vsPlain);
        }
        System.out.printf("%nMeasured fp32 FMA peak, %d threads: %.1f GFLOP/s with 256-bit vectors (AVX2),"
                + " %.1f GFLOP/s with 512-bit vectors (AVX-512)%n", threads, peak256, peak512);
        for (int tokens : new int[] {128, 256}) {
            double gflopPerPaper = lengths.meanGflops(tokens);
            double rate = median(rates.get("akin | all-minilm-l6-v2 @" + tokens));
            System.out.printf("MiniLM fp32 @%d: mean %.1f tokens/paper, %.2f GFLOP/paper; akin reaches %.1f GFLOP/s ="
                    + " %.0f%% of the AVX2 peak, %.0f%% of the AVX-512 peak (%.0f tokens/s)%n", tokens,
                    lengths.meanTokens(tokens), gflopPerPaper, gflopPerPaper * rate,
                    100 * gflopPerPaper * rate / peak256, 100 * gflopPerPaper * rate / peak512,
                    lengths.meanTokens(tokens) * rate);
        }
        if (sweep) {
            sweep(models, texts.subList(0, Math.min(sweepTexts, texts.size())), cache);
        }
        return 0;
    }

    /** akin alone, each model at its own max tokens; settings interleaved round by round like the peers. */
    private void sweep(Path models, List<String> texts, Path cache) {
        List<String> names = List.of("all-minilm-l6-v2", "all-minilm-l6-v2-q", "bge-small-en-v1.5",
                "bge-small-en-v1.5-q");
        System.out.printf("%nSweep: %d abstracts, each model at its own max tokens, median of %d rounds%n%n",
                texts.size(), rounds);
        Map<Integer, Double> peaks = new LinkedHashMap<>();
        for (int t : sweepThreads) {
            peaks.put(t, FmaPeak.gflops(t, 512));
        }
        System.out.println("| model | max tokens | threads | batch | papers/s | tokens/s | model GFLOP/s | % of peak |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        Map<String, List<double[]>> byThreads = new LinkedHashMap<>();
        for (String name : names) {
            ModelSpec spec = ModelSpec.load(models.resolve(name));
            OnnxTokens tokens = OnnxTokens.of(spec, texts, spec.maxTokens());
            double tokensPerPaper = tokens.meanTokens(spec.maxTokens());
            double gflopPerPaper = tokens.meanGflops(spec.maxTokens());
            for (int batch : sweepBatches) {
                Map<Integer, List<Double>> rates = new LinkedHashMap<>();
                Map<Integer, OnnxEmbedder> embedders = new LinkedHashMap<>();
                try {
                    for (int t : sweepThreads) {
                        OnnxEmbedder e = OnnxEmbedder.open(spec, new EmbedOptions(t, 1, batch), cache);
                        embedders.put(t, e);
                        e.embedDocuments(texts);
                        rates.put(t, new ArrayList<>());
                    }
                    for (int round = 0; round < rounds; round++) {
                        for (var e : embedders.entrySet()) {
                            long start = System.nanoTime();
                            e.getValue().embedDocuments(texts);
                            rates.get(e.getKey()).add(texts.size() / ((System.nanoTime() - start) / 1e9));
                        }
                    }
                } finally {
                    for (OnnxEmbedder e : embedders.values()) {
                        e.close();
                    }
                }
                for (var r : rates.entrySet()) {
                    double rate = median(r.getValue());
                    System.out.printf("| %s | %d | %d | %d | %.1f | %.0f | %.0f | %.0f%% |%n", name, spec.maxTokens(),
                            r.getKey(), batch, rate, rate * tokensPerPaper, rate * gflopPerPaper,
                            100 * rate * gflopPerPaper / peaks.get(r.getKey()));
                    if (batch == 16) {
                        byThreads.computeIfAbsent(name + " (batch 16)", k -> new ArrayList<>())
                                .add(new double[] {r.getKey(), rate});
                    }
                }
            }
        }
        System.out.printf("%nModel GFLOP/s: the encoder's multiply-adds x 2 per second (OnnxTokens); %% of peak: of"
                + " the fp32 AVX-512 FMA peak measured at that thread count (%s GFLOP/s). The int8 models run the"
                + " same multiply-adds in integer kernels: their figure is the fp32-equivalent rate.%n",
                peaks.entrySet().stream().map(e -> String.format("%d: %.0f", e.getKey(), e.getValue())).toList());
        if (!byThreads.isEmpty()) {
            Plots.lines(plots.resolve("embed-throughput-vs-threads.png"), "Embedding throughput vs ORT threads ("
                    + Runtime.getRuntime().availableProcessors() + " cores)", "ORT intra-op threads", "papers/s",
                    byThreads, false);
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static ModelSpec withMaxTokens(ModelSpec s, int maxTokens) {
        return new ModelSpec(s.name(), s.onnx(), s.tokenizer(), s.pooling(), s.normalize(), maxTokens, s.dimensions(),
                s.queryPrefix(), s.queryPrefixMaxWords(), s.documentPrefix(), s.output(), s.folder());
    }

    static List<String> texts(Path data) {
        List<String> out = new ArrayList<>();
        Inputs.of(List.of(data)).read(new PaperSink() {
            @Override
            public void accept(Paper paper) {
                out.add(paper.embeddingText());
            }

            @Override
            public void skip(Skipped skipped) {
            }
        });
        return out.stream().distinct().toList();
    }
}
