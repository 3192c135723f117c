package dev.akin.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class QueryBatcherTest {
    @Test
    void concurrentQueriesShareInferencesAndEachGetsItsOwnVector() throws InterruptedException, ExecutionException {
        List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstBatchRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (QueryBatcher batcher = new QueryBatcher("test", ids -> {
            batchSizes.add(ids.size());
            firstBatchRunning.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ids.stream().map(t -> new float[] {t[0]}).toList();
        }, 1, 16); var pool = Executors.newFixedThreadPool(9)) {
            List<Future<float[]>> results = new ArrayList<>();
            results.add(pool.submit(() -> batcher.embed(new long[] {0})));
            firstBatchRunning.await();
            for (int i = 1; i <= 8; i++) {
                long id = i;
                results.add(pool.submit(() -> batcher.embed(new long[] {id})));
            }
            Thread.sleep(200); // let the eight queue up behind the running inference
            release.countDown();
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()[0]).isEqualTo((float) i);
            }
        }
        assertThat(batchSizes).containsExactly(1, 8);
    }

    @Test
    void closingFailsTheQueriesStillWaitingAndEveryQueryAfterAtOnce() throws InterruptedException {
        CountDownLatch firstBatchRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        QueryBatcher batcher = new QueryBatcher("test-model", ids -> {
            firstBatchRunning.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ids.stream().map(t -> new float[] {t[0]}).toList();
        }, 1, 4);
        try (var pool = Executors.newFixedThreadPool(2)) {
            Future<float[]> running = pool.submit(() -> batcher.embed(new long[] {1}));
            firstBatchRunning.await();
            Future<float[]> waiting = pool.submit(() -> batcher.embed(new long[] {2}));
            Thread.sleep(200); // let it queue up behind the running inference
            batcher.close();
            assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(ModelException.class)
                    .cause().hasMessage("model 'test-model' is closed: no more queries can be embedded");
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThatThrownBy(
                    () -> batcher.embed(new long[] {3})).isInstanceOf(ModelException.class)
                    .hasMessageContaining("is closed"));
            release.countDown();
            assertThat(running).succeedsWithin(Duration.ofSeconds(5));
        }
    }

    @Test
    void aFailedInferenceFailsItsCallersWithTheCause() {
        try (QueryBatcher batcher = new QueryBatcher("test", ids -> {
            throw new ModelException("boom for " + ids.size());
        }, 1, 4)) {
            assertThatThrownBy(() -> batcher.embed(new long[] {1})).isInstanceOf(ModelException.class)
                    .hasMessage("boom for 1");
        }
    }
}
