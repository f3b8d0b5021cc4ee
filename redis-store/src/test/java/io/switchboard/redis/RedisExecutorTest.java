package io.switchboard.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.redis.testing.EmbeddedRedis;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;

class RedisExecutorTest {
    private static final long WAIT_SECONDS = 30;

    private final JedisPooled jedis =
            new JedisPooled("127.0.0.1", EmbeddedRedis.shared().port());
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void close() {
        release.countDown();
        jedis.close();
    }

    @Test
    void callsRunOnTheStoreThreadsNotTheCallers() throws Exception {
        try (RedisExecutor executor = new RedisExecutor(jedis, 2, 4)) {
            String thread = executor.submit(j -> Thread.currentThread().getName())
                    .toCompletableFuture()
                    .get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertTrue(thread.startsWith("switchboard-redis-"), thread);
            assertNotEquals(Thread.currentThread().getName(), thread);
        }
    }

    @Test
    void aFullQueueRefusesAtOnceInsteadOfGrowing() throws Exception {
        try (RedisExecutor executor = new RedisExecutor(jedis, 1, 2)) {
            CompletableFuture<String> busy =
                    executor.submit(this::blockThenPing).toCompletableFuture();
            assertTrue(started.await(WAIT_SECONDS, TimeUnit.SECONDS));
            CompletableFuture<String> queued1 = executor.submit(j -> j.ping()).toCompletableFuture();
            CompletableFuture<String> queued2 = executor.submit(j -> j.ping()).toCompletableFuture();

            CompletableFuture<String> refused = executor.submit(j -> j.ping()).toCompletableFuture();

            assertTrue(refused.isCompletedExceptionally(), "refused before returning");
            ExecutionException e = assertThrows(ExecutionException.class, refused::get);
            assertInstanceOf(RejectedExecutionException.class, e.getCause());
            assertEquals(
                    "the Redis store is saturated: 2 calls already wait",
                    e.getCause().getMessage());
            assertFalse(queued1.isDone() || queued2.isDone(), "the only thread is still busy");
            release.countDown();
            assertEquals("PONG", busy.get(WAIT_SECONDS, TimeUnit.SECONDS));
            assertEquals("PONG", queued1.get(WAIT_SECONDS, TimeUnit.SECONDS));
            assertEquals("PONG", queued2.get(WAIT_SECONDS, TimeUnit.SECONDS));
        }
    }

    @Test
    void closingFailsTheCallsStillQueuedAndRefusesNewOnes() throws Exception {
        RedisExecutor executor = new RedisExecutor(jedis, 1, 2);
        CompletableFuture<String> busy = executor.submit(this::blockThenPing).toCompletableFuture();
        assertTrue(started.await(WAIT_SECONDS, TimeUnit.SECONDS));
        CompletableFuture<String> queued = executor.submit(j -> j.ping()).toCompletableFuture();

        executor.close(Duration.ZERO);

        ExecutionException e = assertThrows(ExecutionException.class, () -> queued.get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertInstanceOf(RejectedExecutionException.class, e.getCause());
        assertThrows(ExecutionException.class, () -> busy.get(WAIT_SECONDS, TimeUnit.SECONDS), "interrupted");
        CompletableFuture<String> late = executor.submit(j -> j.ping()).toCompletableFuture();
        assertTrue(late.isCompletedExceptionally());
    }

    private String blockThenPing(UnifiedJedis client) {
        started.countDown();
        try {
            if (!release.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return client.ping();
    }
}
