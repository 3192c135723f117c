package dev.akin.embed;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.nio.LongBuffer;

/**
 * Feeds one padded {@link TokenBatch} to a BERT-style ONNX model and pools its token vectors. Batching is done
 * by {@link TokenBatch#plan}, so DJL's own batchifier is off.
 */
final class BatchTranslator implements Translator<TokenBatch, float[][]> {
    private final Pooling pooling;
    private final String output;

    BatchTranslator(Pooling pooling, String output) {
        this.pooling = pooling;
        this.output = output;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, TokenBatch batch) {
        NDManager manager = ctx.getNDManager();
        Shape shape = new Shape(batch.rows(), batch.length());
        NDArray ids = manager.create(LongBuffer.wrap(batch.ids()), shape);
        ids.setName("input_ids");
        NDArray mask = manager.create(LongBuffer.wrap(batch.mask()), shape);
        mask.setName("attention_mask");
        NDArray types = manager.zeros(shape, ai.djl.ndarray.types.DataType.INT64);
        types.setName("token_type_ids");
        ctx.setAttachment("batch", batch);
        return new NDList(ids, mask, types);
    }

    @Override
    public float[][] processOutput(TranslatorContext ctx, NDList list) {
        TokenBatch batch = (TokenBatch) ctx.getAttachment("batch");
        NDArray hidden = list.get(output);
        if (hidden == null) {
            hidden = list.get(0);
        }
        Shape shape = hidden.getShape();
        if (shape.dimension() != 3) {
            throw new ModelException("model output '" + output + "' has shape " + shape
                    + "; expected [batch, tokens, hidden]");
        }
        return pooling.pool(hidden.toFloatArray(), batch.mask(), batch.rows(), batch.length(),
                (int) shape.get(2));
    }

    @Override
    public Batchifier getBatchifier() {
        return null;
    }

}
