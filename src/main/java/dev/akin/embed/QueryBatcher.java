package dev.akin.embed;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

/**
 * Coalesces concurrent single-query inferences into batches. A short query is too small to keep the CPU's vector
 * units busy, and every inference pays a fixed cost; when many queries arrive at once, one inference over all of
 * them costs far less than one each. Under no load a query runs alone at once: batches form only from queries
 * that would otherwise wait.
 */
final class QueryBatcher implements AutoCloseable {
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final String model;
    private final Function<List<long[]>, List<float[]>> embed;
    private final int maxBatch;
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean closed;

    private record Pending(long[] ids, CompletableFuture<float[]> result) {
    }

    /**
     * @param model the model's name, for errors
     * @param embed embeds a list of tokenized texts, in order
     * @param workers inferences that run at once (one per predictor)
     * @param maxBatch the most queries per inference
     */
    QueryBatcher(String model, Function<List<long[]>, List<float[]>> embed, int workers, int maxBatch) {
        this.model = model;
        this.embed = embed;
        this.maxBatch = maxBatch;
        for (int i = 0; i < workers; i++) {
            Thread worker = Thread.ofPlatform().daemon().name("akin-query-" + i).start(this::work);
            this.workers.add(worker);
        }
    }

    /** @throws ModelException when the batcher is closed, before or while the query waits */
    float[] embed(long[] ids) {
        if (closed) {
            throw closedException();
        }
        CompletableFuture<float[]> result = new CompletableFuture<>();
        queue.add(new Pending(ids, result));
        if (closed) {
            // close() may have emptied the queue before this query was in it, and no worker is left to take it.
            failQueued();
        }
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new ModelException("query inference failed: " + e.getCause(), e.getCause());
        }
    }

    private void work() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (!closed && !Thread.currentThread().isInterrupted()) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, maxBatch - 1);
            try {
                List<float[]> vectors = embed.apply(batch.stream().map(Pending::ids).toList());
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).result().complete(vectors.get(i));
                }
            } catch (RuntimeException | Error e) {
                batch.forEach(p -> p.result().completeExceptionally(e));
            }
            batch.clear();
        }
    }

    /** Stops the workers and fails every query still waiting; a query after this fails at once. */
    @Override
    public void close() {
        closed = true;
        workers.forEach(Thread::interrupt);
        failQueued();
    }

    private void failQueued() {
        Pending p;
        while ((p = queue.poll()) != null) {
            p.result().completeExceptionally(closedException());
        }
    }

    private ModelException closedException() {
        return new ModelException("model '" + model + "' is closed: no more queries can be embedded");
    }
}
