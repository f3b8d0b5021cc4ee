package io.switchboard.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.core.id.NodeId;
import io.switchboard.core.spi.Delivery;
import io.switchboard.core.spi.LeaseTimes;
import io.switchboard.redis.testing.EmbeddedRedis;
import io.switchboard.redis.testing.Eventually;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import redis.clients.jedis.Jedis;

class RedisStoresTest {
    private static final long WAIT_SECONDS = 30;

    @Test
    void aStandaloneServerIsDetected() {
        try (RedisStores stores = RedisTarget.STANDALONE.connect(Clock.systemUTC())) {
            assertEquals(RedisTopology.STANDALONE, stores.topology());
            assertTrue(stores.isHealthy());
        }
    }

    @Test
    void aClusterIsDetectedFromOneSeedNode() {
        try (RedisStores stores = RedisTarget.CLUSTER.connect(Clock.systemUTC())) {
            assertEquals(RedisTopology.CLUSTER, stores.topology());
            assertTrue(stores.isHealthy());
        }
    }

    @ParameterizedTest
    @EnumSource(RedisTarget.class)
    void twoStoresOnOneRedisReachEachOtherThroughTheBus(RedisTarget target) throws Exception {
        String url = target.seed().url() + "?prefix=" + RedisTarget.uniquePrefix();
        NodeId nodeB = new NodeId("b-" + UUID.randomUUID());
        ConcurrentLinkedQueue<Delivery> inbox = new ConcurrentLinkedQueue<>();
        try (RedisStores a = connect(url);
                RedisStores b = connect(url);
                AutoCloseable subscription = b.bus().subscribe(nodeB, inbox::add)) {
            Eventually.await(Duration.ofSeconds(WAIT_SECONDS), () -> b.bus().isSubscribed(nodeB) ? null : "not yet");
            assertTrue(b.isHealthy());
            a.bus()
                    .publish(nodeB, BusExchange.numbered(7))
                    .toCompletableFuture()
                    .get(WAIT_SECONDS, TimeUnit.SECONDS);
            Eventually.await(Duration.ofSeconds(WAIT_SECONDS), () -> inbox.isEmpty() ? "nothing delivered" : null);
            assertEquals(7, BusExchange.numberOf(inbox.poll()));
        }
    }

    @Test
    void theDatabaseOfTheUrlIsSelected() {
        String counter = "db-test:" + UUID.randomUUID();
        try (RedisStores stores = connect(EmbeddedRedis.shared().url() + "/5");
                Jedis raw = EmbeddedRedis.shared().client()) {
            stores.counters()
                    .increment(counter, "f", Duration.ofMinutes(1))
                    .toCompletableFuture()
                    .join();
            assertEquals(null, raw.hget(counter, "f"));
            raw.select(5);
            assertEquals("1", raw.hget(counter, "f"));
        }
    }

    @Test
    void aDatabaseOtherThanZeroIsRefusedOnACluster() {
        String url = EmbeddedRedis.sharedCluster().get(0).url() + "/2";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> connect(url));
        assertTrue(e.getMessage().contains("expected: 0 on a Redis Cluster"), e.getMessage());
    }

    @Test
    void anUnreachableServerFailsTheStartWithAClearMessage() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "redis://127.0.0.1:" + port;
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> connect(url));
        assertTrue(e.getMessage().startsWith("Redis at 127.0.0.1:" + port + " is unreachable"), e.getMessage());
    }

    @Test
    void aSaturatedStoreRefusesCallsAtOnce() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (RedisStores stores = connect(EmbeddedRedis.shared().url() + "?threads=1&queue=1")) {
            CompletableFuture<String> busy = stores.executor()
                    .submit(jedis -> {
                        started.countDown();
                        awaitQuietly(release);
                        return jedis.ping();
                    })
                    .toCompletableFuture();
            assertTrue(started.await(WAIT_SECONDS, TimeUnit.SECONDS));
            CompletableFuture<Long> queued =
                    stores.counters().get("c-" + UUID.randomUUID(), "f").toCompletableFuture();

            CompletableFuture<Boolean> refused =
                    stores.leasedRooms().exists("r-" + UUID.randomUUID()).toCompletableFuture();

            assertTrue(refused.isCompletedExceptionally(), "refused before returning");
            ExecutionException e = assertThrows(ExecutionException.class, refused::get);
            assertInstanceOf(RejectedExecutionException.class, e.getCause());
            release.countDown();
            assertEquals("PONG", busy.get(WAIT_SECONDS, TimeUnit.SECONDS));
            assertEquals(0L, queued.get(WAIT_SECONDS, TimeUnit.SECONDS));
        } finally {
            release.countDown();
        }
    }

    @Test
    void closeReleasesTheThreadsAndLaterCallsFail() {
        RedisStores stores = RedisTarget.STANDALONE.connect(Clock.systemUTC());
        stores.close();
        stores.close();
        assertTrue(stores.executor().isTerminated());
        assertFalse(stores.isHealthy());
        CompletableFuture<Boolean> late = stores.leasedRooms().exists("r").toCompletableFuture();
        ExecutionException e = assertThrows(ExecutionException.class, late::get);
        assertEquals("the Redis store is closed", e.getCause().getMessage());
    }

    private static RedisStores connect(String url) {
        return RedisStores.connect(RedisStoreConfig.parse(url), Clock.systemUTC(), LeaseTimes.PRIVYDROP);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
