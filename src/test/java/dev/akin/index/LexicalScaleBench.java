package dev.akin.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.FSDirectory;

/**
 * BM25 at scale: akin's choice between term at a time (with the reader's kept scored postings) and Lucene's
 * max-score search, against max-score alone, on a lexical-only index of the arXiv abstracts built in a temporary
 * folder. Whole abstracts (32 terms kept) and their first 12 words as queries; 300 of each, the two ways taking
 * turns on each query, p50 per round and the median over rounds, by the query's postings. Arguments: the
 * abstracts' JSON lines (gzip), rounds (default 5).
 */
public final class LexicalScaleBench {
    private static final long[] BUCKETS = {32_768, 131_072, Long.MAX_VALUE};

    private LexicalScaleBench() {
    }

    public static void main(String[] args) throws IOException {
        Path abstracts = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dir = Files.createTempDirectory("akin-lexical-scale");
        try (var directory = FSDirectory.open(dir); Analyzer analyzer = LuceneDocs.analyzer()) {
            int papers = build(abstracts, directory, analyzer);
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                System.out.printf("%s: %d abstracts, %d segments, k=30, one thread, %d rounds%n", abstracts, papers,
                        reader.leaves().size(), rounds);
                System.out.println("| queries | postings | queries in bucket | akin p50 ms | max-score p50 ms | akin / max-score |");
                System.out.println("|---|---|---|---|---|---|");
                for (int words : new int[] {Integer.MAX_VALUE, 12}) {
                    run(searcher, analyzer, words, rounds);
                }
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static int build(Path abstracts, FSDirectory directory, Analyzer analyzer) throws IOException {
        ObjectMapper json = new ObjectMapper();
        int n = 0;
        try (var writer = new IndexWriter(directory, new IndexWriterConfig(analyzer).setRAMBufferSizeMB(256));
             var in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(abstracts))))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode paper = json.readTree(line);
                String text = paper.path("title").asText() + "\n" + paper.path("abstract").asText();
                Document doc = new Document();
                doc.add(new StoredField("query", text));
                doc.add(new TextField(LuceneDocs.TEXT, text, Field.Store.NO));
                writer.addDocument(doc);
                n++;
            }
            writer.forceMerge(4); // as a large index settles after merges
        }
        return n;
    }

    private static void run(IndexSearcher searcher, Analyzer analyzer, int words, int rounds) throws IOException {
        TermCache cache = new TermCache();
        TermCache.Lookup known = cache.in(searcher);
        FieldNorms norms = new FieldNorms(LuceneDocs.TEXT);
        Random random = new Random(42);
        List<List<TermAtATime.Boosted>> queries = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String[] text = searcher.storedFields().document(random.nextInt(searcher.getIndexReader().maxDoc()))
                    .get("query").split("\\s+");
            String query = String.join(" ", Arrays.copyOf(text, Math.min(words, text.length)));
            queries.add(LexicalSearch.terms(known, TermCounts.of(analyzer, query)));
        }
        double[][][] p50 = new double[BUCKETS.length][2][rounds];
        int[] inBucket = new int[BUCKETS.length];
        for (int r = -1; r < rounds; r++) { // round -1 warms up, and fills the cache as a server's first queries do
            List<List<List<Double>>> ms = new ArrayList<>();
            for (int b = 0; b < BUCKETS.length; b++) {
                ms.add(List.of(new ArrayList<>(), new ArrayList<>()));
            }
            for (List<TermAtATime.Boosted> terms : queries) {
                int b = bucket(TermAtATime.postings(terms));
                long start = System.nanoTime();
                ScoreDoc[] akin = TermAtATime.suits(terms, known) ? TermAtATime.top(searcher, norms, terms, null, 31)
                        : maxScore(searcher, terms);
                long middle = System.nanoTime();
                ScoreDoc[] lucene = maxScore(searcher, terms);
                long end = System.nanoTime();
                if (akin.length != lucene.length || akin.length > 0 && Math.abs(akin[0].score - lucene[0].score)
                        > 1e-4 * lucene[0].score) {
                    throw new IllegalStateException("akin and max-score disagree on a query's best score");
                }
                ms.get(b).get(0).add((middle - start) / 1e6);
                ms.get(b).get(1).add((end - middle) / 1e6);
            }
            for (int b = 0; r >= 0 && b < BUCKETS.length; b++) {
                inBucket[b] = ms.get(b).get(0).size();
                p50[b][0][r] = median(ms.get(b).get(0));
                p50[b][1][r] = median(ms.get(b).get(1));
            }
        }
        String label = words == Integer.MAX_VALUE ? "whole abstracts" : "first " + words + " words";
        for (int b = 0; b < BUCKETS.length; b++) {
            if (inBucket[b] == 0) {
                continue;
            }
            double ours = median(p50[b][0]);
            double theirs = median(p50[b][1]);
            System.out.printf("| %s | %s | %d | %.3f | %.3f | %.2fx |%n", label, b == 0 ? "<= 32,768"
                    : b == BUCKETS.length - 1 ? "> 131,072" : "32,769-131,072", inBucket[b], ours, theirs, ours / theirs);
        }
    }

    private static ScoreDoc[] maxScore(IndexSearcher searcher, List<TermAtATime.Boosted> terms) {
        try {
            return searcher.search(LexicalSearch.query(terms), new TopScoreDocCollectorManager(31, 31)).scoreDocs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int bucket(long postings) {
        int b = 0;
        while (postings > BUCKETS[b]) {
            b++;
        }
        return b;
    }

    private static double median(List<Double> values) {
        return median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
