package dev.akin.bench;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.akin.embed.ModelSpec;
import dev.akin.embed.TokenBatch;
import dev.akin.embed.Vectors;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's "no DJL" peer: the same tokens, batches and pooling as akin, but ONNX Runtime's Java API
 * called directly. The gap to akin is what DJL's engine layer costs.
 */
final class PlainOrtEmbedder implements AutoCloseable {
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final ModelSpec spec;
    private final int batchSize;

    PlainOrtEmbedder(ModelSpec spec, int threads, int batchSize) throws OrtException, IOException {
        this.spec = spec;
        this.batchSize = batchSize;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            session = env.createSession(spec.onnxFile().toString(), options);
        }
        tokenizer = HuggingFaceTokenizer.builder().optTokenizerPath(spec.tokenizerFile())
                .optMaxLength(spec.maxTokens()).optTruncation(true).optPadding(false).build();
    }

    List<float[]> embed(List<String> texts) throws OrtException {
        List<long[]> ids = new ArrayList<>();
        for (String text : texts) {
            ids.add(tokenizer.encode(text).getIds());
        }
        float[][] out = new float[texts.size()][];
        for (TokenBatch batch : TokenBatch.plan(ids, batchSize)) {
            long[] shape = {batch.rows(), batch.length()};
            try (OnnxTensor input = OnnxTensor.createTensor(env, LongBuffer.wrap(batch.ids()), shape);
                 OnnxTensor mask = OnnxTensor.createTensor(env, LongBuffer.wrap(batch.mask()), shape);
                 OnnxTensor types = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[batch.ids().length]), shape);
                 OrtSession.Result result = session.run(Map.of("input_ids", input, "attention_mask", mask,
                         "token_type_ids", types))) {
                OnnxTensor hidden = (OnnxTensor) result.get(0);
                FloatBuffer buffer = hidden.getFloatBuffer();
                float[] flat = new float[buffer.remaining()];
                buffer.get(flat);
                int dim = (int) hidden.getInfo().getShape()[2];
                float[][] pooled = spec.pooling().pool(flat, batch.mask(), batch.rows(), batch.length(), dim);
                for (int row = 0; row < batch.rows(); row++) {
                    out[batch.positions()[row]] = Vectors.normalize(pooled[row]);
                }
            }
        }
        return List.of(out);
    }

    @Override
    public void close() throws OrtException {
        session.close();
        tokenizer.close();
    }
}
