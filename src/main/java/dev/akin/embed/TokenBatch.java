package dev.akin.embed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Token ids of several texts padded to one length, as the model takes them.
 *
 * @param positions where each row's text stood in the caller's list
 * @param ids input ids, [rows, length] row-major, 0-padded
 * @param mask attention mask, same shape
 * @param length padded length
 */
public record TokenBatch(int[] positions, long[] ids, long[] mask, int length) {

    /** Texts in the batch: the first dimension of {@code ids} and {@code mask}. */
    public int rows() {
        return positions.length;
    }

    /**
     * Groups tokenized texts into batches of similar length: sorting by length first means little padding, and
     * padding is pure waste for a transformer (its cost grows with the padded length of the batch).
     *
     * @param tokenIds each text's token ids, already truncated to the model's maximum
     * @param batchSize the most texts per batch
     */
    public static List<TokenBatch> plan(List<long[]> tokenIds, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        int[] order = IntStream.range(0, tokenIds.size()).boxed()
                .sorted(Comparator.comparingInt(i -> tokenIds.get(i).length))
                .mapToInt(Integer::intValue).toArray();
        List<TokenBatch> batches = new ArrayList<>();
        for (int start = 0; start < order.length; start += batchSize) {
            int end = Math.min(order.length, start + batchSize);
            int[] positions = java.util.Arrays.copyOfRange(order, start, end);
            int length = tokenIds.get(positions[positions.length - 1]).length;
            long[] ids = new long[positions.length * length];
            long[] mask = new long[positions.length * length];
            for (int row = 0; row < positions.length; row++) {
                long[] tokens = tokenIds.get(positions[row]);
                System.arraycopy(tokens, 0, ids, row * length, tokens.length);
                java.util.Arrays.fill(mask, row * length, row * length + tokens.length, 1L);
            }
            batches.add(new TokenBatch(positions, ids, mask, length));
        }
        return batches;
    }
}
