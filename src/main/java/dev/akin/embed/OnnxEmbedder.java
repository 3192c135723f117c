package dev.akin.embed;

import ai.djl.Model;
import ai.djl.MalformedModelException;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sentence-embedding model run in-process by DJL on ONNX Runtime, tokenized by DJL's HuggingFace tokenizer.
 * Thread-safe: a DJL predictor is not, so each inference borrows one from a fixed pool.
 */
public final class OnnxEmbedder implements Embedder {
    /**
     * How long close waits for tokenizations and inferences under way. A default batch (16 texts) takes well under a
     * second on 2 cores (docs/benchmarks.md: about 100 papers/s); one still running after this is stuck.
     */
    private static final long CLOSE_WAIT_SECONDS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(OnnxEmbedder.class);
    private final ModelSpec spec;
    private final ModelFingerprint fingerprint;
    private final EmbedOptions options;
    private final HuggingFaceTokenizer tokenizer;
    private final Model model;
    private final BlockingQueue<Predictor<TokenBatch, float[][]>> predictors;
    private final QueryBatcher queries;
    /** Held (shared) by each use of the tokenizer or a predictor, (exclusively) by close: nothing is freed in use. */
    private final ReadWriteLock inUse = new ReentrantReadWriteLock();
    private final AtomicBoolean closed = new AtomicBoolean();

    private OnnxEmbedder(ModelSpec spec, EmbedOptions options, HuggingFaceTokenizer tokenizer, Model model) {
        this.spec = spec;
        this.options = options;
        this.tokenizer = tokenizer;
        this.model = model;
        this.fingerprint = new ModelFingerprint(spec.name(), sha256(spec.onnxFile()), spec.pooling(),
                spec.dimensions(), spec.maxTokens());
        this.predictors = new ArrayBlockingQueue<>(options.predictors());
        BatchTranslator translator = new BatchTranslator(spec.pooling(), spec.output());
        for (int i = 0; i < options.predictors(); i++) {
            predictors.add(model.newPredictor(translator));
        }
        this.queries = new QueryBatcher(spec.name(), this::embedTokens, options.predictors(), options.batchSize());
    }

    /**
     * Loads a model. Nothing is downloaded: the files come from the model folder and native libraries from jars.
     *
     * @param spec the model folder's descriptor
     * @param options threads, concurrency and batch size
     * @param nativeCache where DJL may unpack its tokenizer library
     */
    public static OnnxEmbedder open(ModelSpec spec, EmbedOptions options, Path nativeCache) {
        DjlOffline.configure(nativeCache);
        HuggingFaceTokenizer tokenizer;
        try {
            // tokenizer.json files often carry their own padding/truncation (MiniLM's pads to 128): override both.
            tokenizer = HuggingFaceTokenizer.builder().optTokenizerPath(spec.tokenizerFile())
                    .optMaxLength(spec.maxTokens()).optTruncation(true).optPadding(false).build();
        } catch (IOException | RuntimeException e) {
            throw new ModelException("model '" + spec.name() + "': cannot load tokenizer " + spec.tokenizerFile()
                    + ": " + e.getMessage(), e);
        }
        Model model = null;
        try {
            model = Model.newInstance(spec.name(), "OnnxRuntime");
            // A BERT graph is a chain of large matrix products: parallelism inside each product (intra-op) uses
            // the cores; inter-op parallelism has no independent branches to run and would only add threads that
            // compete for the same cores, so it stays at 1.
            model.load(spec.folder(), stripSuffix(spec.onnx()), Map.of(
                    "intraOpNumThreads", Integer.toString(options.threads()),
                    "interOpNumThreads", "1",
                    "executionMode", "SEQUENTIAL",
                    "optLevel", "ALL_OPT"));
            return new OnnxEmbedder(spec, options, tokenizer, model);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            if (model != null) {
                model.close();
            }
            tokenizer.close();
            throw new ModelException("model '" + spec.name() + "': cannot load " + spec.onnxFile() + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public ModelFingerprint fingerprint() {
        return fingerprint;
    }

    @Override
    public int dimensions() {
        return spec.dimensions();
    }

    /** Token ids of a text as the model will see them (truncated, with special tokens). */
    public long[] tokenize(String text) {
        return whileOpen(() -> {
            Encoding encoding = tokenizer.encode(text);
            return encoding.getIds();
        });
    }

    @Override
    public List<float[]> embedDocuments(List<String> texts) {
        List<long[]> ids = new ArrayList<>(texts.size());
        for (String text : texts) {
            ids.add(tokenize(spec.documentText(text)));
        }
        return embedTokens(ids);
    }

    /** Embeds already tokenized texts, in order. */
    public List<float[]> embedTokens(List<long[]> ids) {
        float[][] out = new float[ids.size()][];
        for (TokenBatch batch : TokenBatch.plan(ids, options.batchSize())) {
            float[][] vectors = run(batch);
            for (int row = 0; row < batch.rows(); row++) {
                out[batch.positions()[row]] = Vectors.normalize(vectors[row]);
            }
        }
        return List.of(out);
    }

    /** Concurrent queries are batched together (see {@link QueryBatcher}). */
    @Override
    public float[] embedQuery(String query) {
        return queries.embed(tokenize(spec.queryText(query)));
    }

    private float[][] run(TokenBatch batch) {
        return whileOpen(() -> predict(batch));
    }

    private float[][] predict(TokenBatch batch) {
        Predictor<TokenBatch, float[][]> predictor;
        try {
            predictor = predictors.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelException("interrupted while waiting for a free predictor of '" + spec.name() + "'", e);
        }
        try {
            float[][] vectors = predictor.predict(batch);
            if (vectors.length > 0 && vectors[0].length != spec.dimensions()) {
                throw new ModelException("model '" + spec.name() + "' produced " + vectors[0].length
                        + "-d vectors but its descriptor says " + spec.dimensions());
            }
            return vectors;
        } catch (TranslateException e) {
            throw new ModelException("model '" + spec.name() + "' failed on a batch of " + batch.rows()
                    + " texts of " + batch.length() + " tokens: " + e.getMessage(), e);
        } finally {
            predictors.add(predictor);
        }
    }

    /** @throws ModelException when the embedder is closed */
    private <T> T whileOpen(Supplier<T> use) {
        if (closed.get()) {
            throw closedException();
        }
        inUse.readLock().lock();
        try {
            // close() may have begun between the check above and the lock.
            if (closed.get()) {
                throw closedException();
            }
            return use.get();
        } finally {
            inUse.readLock().unlock();
        }
    }

    private ModelException closedException() {
        return new ModelException("model '" + spec.name() + "' is closed: no more texts can be embedded");
    }

    /**
     * Fails queries still waiting and refuses new work at once; waits (at most {@value #CLOSE_WAIT_SECONDS} s) for
     * the work under way, then frees the predictors, the model and the tokenizer.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        queries.close();
        try {
            if (!inUse.writeLock().tryLock(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                // Freeing a model under a running inference could crash the process: better to leave it to the exit.
                LOG.warn("model '{}': inference still running after {} s; its native memory is not freed",
                        spec.name(), CLOSE_WAIT_SECONDS);
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("model '{}': interrupted while closing; its native memory is not freed", spec.name());
            return;
        }
        try {
            predictors.forEach(Predictor::close);
            predictors.clear();
            model.close();
            tokenizer.close();
        } finally {
            inUse.writeLock().unlock();
        }
    }

    private static String stripSuffix(String onnx) {
        return onnx.endsWith(".onnx") ? onnx.substring(0, onnx.length() - 5) : onnx;
    }

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            byte[] buffer = new byte[1 << 16];
            while (in.read(buffer) >= 0) {
                // the digest stream hashes as it reads
            }
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new ModelException("cannot read " + file + " to checksum it: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
