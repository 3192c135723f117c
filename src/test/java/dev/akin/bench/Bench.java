package dev.akin.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code ./akin bench ...}: every benchmark behind one command. It runs from the test classpath (through Maven's
 * bench profile) because the peers it measures against, langchain4j and JMH, are benchmark-only dependencies that
 * akin's jar does not carry.
 */
@Command(name = "akin bench", mixinStandardHelpOptions = true, subcommands = {EmbedBench.class, IndexBench.class},
        description = "Speed benchmarks, each against its peer in the same run; tables on stdout, plots as PNG.")
final class Bench implements Callable<Integer> {
    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 0;
    }

    @Command(name = "latency", description = "Similar-by-id p50 per retrieval mode on an existing index.")
    int latency(@Parameters(paramLabel = "INDEX") String index,
                @Parameters(paramLabel = "ROUNDS", defaultValue = "7") String rounds) {
        RetrievalLatencyBench.main(new String[] {index, rounds});
        return 0;
    }

    @Command(name = "lexical-scale", description = "BM25 on the 182k arXiv abstracts: akin's term-at-a-time"
            + " choice against Lucene's max-score search alone, by the query's postings.")
    int lexicalScale(@Parameters(paramLabel = "ABSTRACTS") String abstracts,
                     @Parameters(paramLabel = "ROUNDS", defaultValue = "5") String rounds) throws IOException {
        dev.akin.index.LexicalScaleBench.main(new String[] {abstracts, rounds});
        return 0;
    }

    @Command(name = "fusion-study", description = "nDCG@10 of deeper fused lists under three score normalisations,"
            + " weights chosen on train, on an eval index with sentence vectors.")
    int fusionStudy(@Parameters(paramLabel = "COLLECTION") String collection,
                    @Parameters(paramLabel = "INDEX") String index,
                    @Parameters(paramLabel = "PASSAGE_WEIGHT", defaultValue = "0.6") String weight) {
        dev.akin.search.FusionStudy.main(new String[] {collection, index, weight});
        return 0;
    }

    @Command(name = "ensemble-study", description = "How the ensemble's default weights were chosen: a grid of"
            + " weightings scored on train, the best with their test nDCG@10.")
    int ensembleStudy(@Parameters(paramLabel = "COLLECTION") String collection,
                      @Parameters(paramLabel = "FIRST_INDEX") String first,
                      @Parameters(paramLabel = "SECOND_INDEX") String second) {
        dev.akin.search.EnsembleStudy.main(new String[] {collection, first, second});
        return 0;
    }

    @Command(name = "prf-study", description = "Pseudo-relevance feedback on CSFCube's focused similar: each mode"
            + " re-scored with its top papers' vectors, tuned per fold on dev.")
    int prfStudy(@Parameters(paramLabel = "CSFCUBE") String collection,
                 @Parameters(paramLabel = "INDEX") String index,
                 @Parameters(paramLabel = "MODES", defaultValue = "dense,passages:0.8,hybrid-weighted:0.7,"
                         + "hybrid-weighted:0.6") String modes) {
        dev.akin.search.PrfStudy.main(new String[] {collection, index, modes});
        return 0;
    }

    @Command(name = "late-chunk-study", description = "CSFCube's focused similar with sentence vectors pooled from"
            + " the whole abstract's token states (late chunking) against sentences embedded alone, tuned per fold.")
    int lateChunkStudy(@Parameters(paramLabel = "CSFCUBE") String collection,
                       @Parameters(paramLabel = "MODEL_DIR") String model) {
        LateChunkStudy.main(new String[] {collection, model});
        return 0;
    }

    @Command(name = "ensemble-latency", description = "Text-search p50 of the two-model ensemble against one"
            + " model's default search and hybrid-passages:0.7, on a BEIR collection's test queries.")
    int ensembleLatency(@Parameters(paramLabel = "COLLECTION") String collection,
                        @Parameters(paramLabel = "FIRST_INDEX") String first,
                        @Parameters(paramLabel = "SECOND_INDEX") String second,
                        @Parameters(paramLabel = "ROUNDS", defaultValue = "7") String rounds) {
        EnsembleLatencyBench.main(new String[] {collection, first, second, rounds});
        return 0;
    }

    @Command(name = "shortlist-study", description = "What the passages mode's shortlist changes: k=10 answers"
            + " against the first 10 of k=100, on a BEIR collection and on similar-by-id.")
    int shortlistStudy(@Parameters(paramLabel = "COLLECTION") String collection,
                       @Parameters(paramLabel = "INDEX") String index,
                       @Parameters(paramLabel = "MODE", defaultValue = "passages:0.4") String mode) {
        ShortlistStudy.main(new String[] {collection, index, mode});
        return 0;
    }

    @Command(name = "calibration-study", description = "What minScore means per mode: the scores of a BEIR"
            + " collection's relevant papers against the best scores of off-topic questions (CSFCube's titles).")
    int calibrationStudy(@Parameters(paramLabel = "COLLECTION") String collection,
                         @Parameters(paramLabel = "INDEX") String index,
                         @Parameters(paramLabel = "CSFCUBE") String offTopic,
                         @Parameters(paramLabel = "MODES", defaultValue = "dense,lexical,hybrid-weighted:0.5,"
                                 + "hybrid-rrf,passages:0.4") String modes) {
        CalibrationStudy.main(new String[] {collection, index, offTopic, modes});
        return 0;
    }

    @Command(name = "query-embed", description = "Query embedding: one at a time against batched concurrent queries.")
    int queryEmbed(@Parameters(arity = "0..*") List<String> args) throws IOException, InterruptedException {
        QueryEmbedBench.main(args == null ? new String[0] : args.toArray(String[]::new));
        return 0;
    }

    @Command(name = "peak", description = "This CPU's fp32 FMA peak (AVX2 and AVX-512 widths).")
    int peak() {
        int threads = Runtime.getRuntime().availableProcessors();
        System.out.printf("fp32 FMA peak, %d threads: %.1f GFLOP/s (256-bit), %.1f GFLOP/s (512-bit)%n", threads,
                FmaPeak.gflops(threads, 256), FmaPeak.gflops(threads, 512));
        return 0;
    }

    @Command(name = "micro", description = "JMH micro-benchmarks (vector maths, fusion, re-ranking, passage"
            + " matching); JMH's own arguments after --, e.g. -- 'passage.*' -f 1 -wi 3 -i 5.")
    int micro(@Parameters(arity = "0..*") List<String> jmhArgs) {
        try {
            org.openjdk.jmh.Main.main(jmhArgs == null ? new String[] {"dev.akin.*MicroBench"}
                    : jmhArgs.toArray(String[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException("JMH: " + e.getMessage(), e);
        }
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Bench()).execute(args));
    }
}
