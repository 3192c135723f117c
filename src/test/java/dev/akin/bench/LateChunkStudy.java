package dev.akin.bench;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.akin.embed.ModelSpec;
import dev.akin.embed.Pooling;
import dev.akin.embed.Vectors;
import dev.akin.eval.CsfcubeEval;
import dev.akin.search.Akin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Late chunking on CSFCube's focused similar: each sentence's vector pooled from the whole abstract's token states
 * (so it sees its context, and one inference serves all sentences) against each sentence embedded alone, as
 * {@code --passages} indexes them. Both score every pool candidate by {@code W * cosine + (1 - W) * meanMax}, the
 * focused query vector and the facet's sentences as akin's focused passages mode builds them, over the
 * collection's own sentence split; tuned per fold on dev. ONNX Runtime is called directly because akin's embedder
 * returns pooled vectors, not token states. Arguments: the CSFCube folder, a model folder.
 */
public final class LateChunkStudy {
    private static final double[] WEIGHTS = {0.8, 0.6, 0.4};

    private record Paper(String text, int[][] spans, List<String> sentences, List<String> labels) {
    }

    private record Encoded(float[] whole, float[][] alone, float[][] late) {
    }

    private LateChunkStudy() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        ModelSpec spec = ModelSpec.load(Path.of(args[1]));
        Map<String, Paper> papers = papers(CsfcubeEval.abstracts(dir));
        Map<String, Encoded> encoded = new HashMap<>();
        Map<String, float[]> focusQuery = new HashMap<>();
        Map<String, int[]> focusSentences = new HashMap<>();
        List<CsfcubeEval.Pool> pools = CsfcubeEval.pools(dir);
        try (Model model = new Model(spec)) {
            papers.forEach((id, paper) -> encoded.put(id, model.encode(paper)));
            for (CsfcubeEval.Pool pool : pools) {
                Paper paper = papers.get(pool.queryId());
                int[] facet = IntStream.range(1, paper.labels().size()).filter(i -> paper.labels()
                        .get(i).equals(pool.facet()) || pool.facet().equals("background")
                        && paper.labels().get(i).equals("objective")).toArray();
                if (facet.length > 0) {
                    String focus = String.join(" ", Arrays.stream(facet).mapToObj(paper.sentences()::get).toList());
                    focusQuery.put(key(pool), model.vector(spec.queryText(focus)));
                    focusSentences.put(key(pool), facet);
                }
            }
        }
        Map<String, Map<String, double[]>> rankers = new LinkedHashMap<>();
        rankers.put("dense", CsfcubeEval.perPool(pools, ranker(encoded, focusQuery, focusSentences, Encoded::alone, 1)));
        for (String kind : List.of("alone", "late")) {
            Function<Encoded, float[][]> sentences = kind.equals("alone") ? Encoded::alone : Encoded::late;
            for (double w : WEIGHTS) {
                rankers.put(kind + ":" + w, CsfcubeEval.perPool(pools,
                        ranker(encoded, focusQuery, focusSentences, sentences, w)));
            }
        }
        Path splits = dir.resolve("evaluation_splits.json");
        System.out.printf("%s, CSFCube test folds, all facets (method facet), MAP / NDCG%%20%n", spec.name());
        rankers.forEach((name, perPool) -> {
            var scores = CsfcubeEval.score(perPool, splits);
            System.out.printf("| %s | %s | %s |%n", name, row(scores, "all"), row(scores, "method"));
        });
        for (String kind : List.of("alone", "late")) {
            Map<String, Map<String, double[]>> choices = new LinkedHashMap<>();
            rankers.forEach((name, perPool) -> {
                if (name.equals("dense") || name.startsWith(kind + ":")) {
                    choices.put(name, perPool);
                }
            });
            CsfcubeEval.Tuned tuned = CsfcubeEval.tuned(choices, splits);
            System.out.printf("| tuned per fold, dense or %s | %s | %s | chosen %s%n", kind,
                    row(tuned.scores(), "all"), row(tuned.scores(), "method"), tuned.chosen());
        }
    }

    private static String row(List<CsfcubeEval.Scores> scores, String facet) {
        CsfcubeEval.Scores s = scores.stream().filter(x -> x.facet().equals(facet) && x.split().equals("test"))
                .findFirst().orElseThrow();
        return String.format("%.1f / %.1f", s.map(), s.ndcg20());
    }

    private static String key(CsfcubeEval.Pool pool) {
        return pool.queryId() + "_" + pool.facet();
    }

    /** {@code w * cosine + (1 - w) * meanMax}: the query's facet sentences (all, without a facet) against each. */
    private static Function<CsfcubeEval.Pool, List<String>> ranker(Map<String, Encoded> encoded,
            Map<String, float[]> focusQuery, Map<String, int[]> focusSentences,
            Function<Encoded, float[][]> sentences, double w) {
        return pool -> {
            Encoded query = encoded.get(pool.queryId());
            float[] focus = focusQuery.get(key(pool));
            float[] vector = focus == null ? query.whole() : Vectors.blend(query.whole(), focus, Akin.FOCUS_PAPER_WEIGHT);
            float[][] own = sentences.apply(query);
            int[] facet = focusSentences.get(key(pool));
            List<float[]> asked = facet == null ? List.of(own) : Arrays.stream(facet).mapToObj(i -> own[i]).toList();
            Map<String, Double> score = new HashMap<>();
            for (String c : pool.candidates()) {
                Encoded candidate = encoded.get(c);
                double match = w < 1 ? meanMax(asked, sentences.apply(candidate)) : 0;
                score.put(c, w * Vectors.dot(vector, candidate.whole()) + (1 - w) * match);
            }
            return pool.candidates().stream().sorted(Comparator.comparing(score::get, Comparator.reverseOrder()))
                    .toList();
        };
    }

    /** How well {@code candidate}'s sentences cover each asked one: the mean of each one's best cosine. */
    private static double meanMax(List<float[]> asked, float[][] candidate) {
        return asked.stream().mapToDouble(s -> Arrays.stream(candidate).mapToDouble(t -> Vectors.dot(s, t)).max()
                .orElse(0)).average().orElse(0);
    }

    /** Title, then the collection's sentences, with each one's character span in the joined text. */
    private static Map<String, Paper> papers(Path abstracts) {
        ObjectMapper json = new ObjectMapper();
        Map<String, Paper> papers = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(abstracts)) {
                JsonNode p = json.readTree(line);
                StringBuilder text = new StringBuilder(p.get("title").asText());
                List<int[]> spans = new ArrayList<>(List.of(new int[] {0, text.length()}));
                List<String> sentences = new ArrayList<>(List.of(text.toString()));
                List<String> labels = new ArrayList<>(List.of("title"));
                text.append('\n');
                for (int i = 0; i < p.get("abstract").size(); i++) {
                    String s = p.get("abstract").get(i).asText();
                    text.append(i > 0 ? " " : "");
                    spans.add(new int[] {text.length(), text.length() + s.length()});
                    text.append(s);
                    sentences.add(s);
                    labels.add(p.get("pred_labels").get(i).asText());
                }
                papers.put(p.get("paper_id").asText(), new Paper(text.toString(), spans.toArray(int[][]::new),
                        sentences, labels));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + abstracts, e);
        }
        return papers;
    }

    /** One ONNX session returning token states, pooled as the model's descriptor says. */
    private static final class Model implements AutoCloseable {
        private final OrtEnvironment env = OrtEnvironment.getEnvironment();
        private final ModelSpec spec;
        private final OrtSession session;
        private final HuggingFaceTokenizer tokenizer;

        Model(ModelSpec spec) {
            this.spec = spec;
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(2);
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                session = env.createSession(spec.onnxFile().toString(), options);
                tokenizer = HuggingFaceTokenizer.builder().optTokenizerPath(spec.tokenizerFile())
                        .optMaxLength(spec.maxTokens()).optTruncation(true).optPadding(false).build();
            } catch (OrtException | IOException e) {
                throw new IllegalStateException("cannot load " + spec.onnxFile() + ": " + e.getMessage(), e);
            }
        }

        float[] vector(String text) {
            long[] ids = tokenizer.encode(text).getIds();
            return pool(spec.pooling(), states(ids), ones(ids.length));
        }

        /** The whole text's vector, each sentence alone, and each sentence pooled from the whole text's states. */
        Encoded encode(Paper paper) {
            Encoding encoding = tokenizer.encode(spec.documentText(paper.text()));
            int length = encoding.getIds().length;
            float[] states = states(encoding.getIds());
            CharSpan[] tokens = encoding.getCharTokenSpans();
            float[][] alone = new float[paper.spans().length][];
            float[][] late = new float[paper.spans().length][];
            for (int s = 0; s < late.length; s++) {
                alone[s] = vector(spec.documentText(paper.sentences().get(s)));
                long[] inside = new long[length];
                for (int t = 0; t < length; t++) {
                    boolean in = tokens[t] != null && tokens[t].getEnd() > tokens[t].getStart()
                            && tokens[t].getStart() >= paper.spans()[s][0] && tokens[t].getEnd() <= paper.spans()[s][1];
                    inside[t] = in ? 1 : 0;
                }
                // Past the token limit a sentence has no states: it keeps its vector alone.
                late[s] = Arrays.stream(inside).sum() == 0 ? alone[s] : pool(Pooling.MEAN, states, inside);
            }
            return new Encoded(pool(spec.pooling(), states, ones(length)), alone, late);
        }

        private static float[] pool(Pooling pooling, float[] states, long[] mask) {
            return Vectors.normalize(pooling.pool(states, mask, 1, mask.length, states.length / mask.length)[0]);
        }

        private static long[] ones(int length) {
            long[] mask = new long[length];
            Arrays.fill(mask, 1);
            return mask;
        }

        /** The last hidden state of one sequence, row-major [tokens, dim]. */
        private float[] states(long[] ids) {
            long[] shape = {1, ids.length};
            try (OnnxTensor input = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
                 OnnxTensor attention = OnnxTensor.createTensor(env, LongBuffer.wrap(ones(ids.length)), shape);
                 OnnxTensor types = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[ids.length]), shape);
                 OrtSession.Result result = session.run(Map.of("input_ids", input, "attention_mask", attention,
                         "token_type_ids", types))) {
                FloatBuffer buffer = ((OnnxTensor) result.get(0)).getFloatBuffer();
                float[] out = new float[buffer.remaining()];
                buffer.get(out);
                return out;
            } catch (OrtException e) {
                throw new IllegalStateException("inference failed on " + ids.length + " tokens: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            tokenizer.close();
            try {
                session.close();
            } catch (OrtException e) {
                throw new IllegalStateException("cannot close the session: " + e.getMessage(), e);
            }
        }
    }
}
