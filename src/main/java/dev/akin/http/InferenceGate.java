package dev.akin.http;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds the requests in inference at once. A request beyond capacity waits a bounded time, then is refused with
 * 503 and Retry-After, so that load beyond what the CPU can do never piles up into unbounded latency.
 */
final class InferenceGate {
    private final Semaphore slots;
    private final Duration wait;

    InferenceGate(int slots, Duration wait) {
        this.slots = new Semaphore(slots, true);
        this.wait = wait;
    }

    <T> T run(Supplier<T> inference) {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "Service Unavailable", "interrupted while waiting for inference capacity");
        }
        if (!acquired) {
            throw new ApiException(503, "Service Unavailable", "all inference slots busy for " + wait.toMillis()
                    + " ms; retry shortly");
        }
        try {
            return inference.get();
        } finally {
            slots.release();
        }
    }
}
