package dev.akin.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.akin.paper.InputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A BEIR-format collection: corpus.jsonl, queries.jsonl and qrels/{split}.tsv.
 *
 * @param corpus the corpus file
 * @param queries query id to text, for the queries judged in the split
 * @param qrels query id to (document id to grade)
 */
public record BeirCollection(Path corpus, Map<String, String> queries, Map<String, Map<String, Integer>> qrels) {

    /** Reads the queries judged in {@code split} and their judgements. */
    public static BeirCollection load(Path dir, String split) {
        Path corpus = dir.resolve("corpus.jsonl");
        Path queriesFile = dir.resolve("queries.jsonl");
        Path qrelsFile = dir.resolve("qrels").resolve(split + ".tsv");
        for (Path p : new Path[] {corpus, queriesFile, qrelsFile}) {
            if (!Files.isRegularFile(p)) {
                throw new InputException(p + ": missing; a BEIR collection has corpus.jsonl, queries.jsonl and"
                        + " qrels/<split>.tsv");
            }
        }
        Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(qrelsFile)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                String[] f = line.split("\t");
                if (number == 1 && f[0].equals("query-id") || line.isBlank()) {
                    continue;
                }
                if (f.length != 3) {
                    throw new InputException(qrelsFile + ":" + number + ": expected query-id, corpus-id, score");
                }
                qrels.computeIfAbsent(f[0], q -> new LinkedHashMap<>()).put(f[1], Integer.parseInt(f[2].strip()));
            }
            Map<String, String> queries = new LinkedHashMap<>();
            ObjectMapper json = new ObjectMapper();
            number = 0;
            for (String q : Files.readAllLines(queriesFile)) {
                number++;
                if (q.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(q);
                String id = node.path("_id").asText();
                if (qrels.containsKey(id)) {
                    queries.put(id, node.path("text").asText());
                }
            }
            if (queries.size() != qrels.size()) {
                throw new InputException(queriesFile + ": " + (qrels.size() - queries.size())
                        + " judged queries have no text");
            }
            return new BeirCollection(corpus, queries, qrels);
        } catch (IOException | NumberFormatException e) {
            throw new InputException(dir + ": cannot read the collection: " + e.getMessage(), e);
        }
    }
}
