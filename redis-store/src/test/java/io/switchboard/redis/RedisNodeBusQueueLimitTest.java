package io.switchboard.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SignalingException;
import io.switchboard.core.id.NodeId;
import io.switchboard.redis.testing.Eventually;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;

/**
 * The publisher is held in its first round trip by a server that accepts connections and never answers, so the queue
 * can only fill up.
 */
class RedisNodeBusQueueLimitTest {
    private static final int CAPACITY = 4;

    @Test
    void aFullQueueRefusesAtOnceAndTheBusCloses() throws Exception {
        NodeId node = new NodeId("n");
        JedisClientConfig patient = DefaultJedisClientConfig.builder()
                .socketTimeoutMillis(120_000)
                .clientSetInfoConfig(ClientSetInfoConfig.DISABLED)
                .build();
        List<CompletableFuture<Void>> accepted = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            RedisNodeBus bus = new RedisNodeBus(
                    new HostAndPort("127.0.0.1", silent.getLocalPort()),
                    patient,
                    false,
                    RedisBusConfig.DEFAULTS.withQueueCapacity(CAPACITY));
            accepted.add(bus.publish(node, BusExchange.numbered(0)).toCompletableFuture());
            Eventually.await(Duration.ofSeconds(30), () -> bus.queued() == 0 ? null : "first delivery not taken");

            CompletableFuture<Void> refused = null;
            for (int i = 1; i < 1_000 && refused == null; i++) {
                CompletableFuture<Void> next =
                        bus.publish(node, BusExchange.numbered(i)).toCompletableFuture();
                if (next.isDone()) {
                    refused = next;
                } else {
                    accepted.add(next);
                }
            }

            assertTrue(refused != null && refused.isCompletedExceptionally(), "a publish was refused");
            assertEquals(CAPACITY, bus.queued());
            assertTrue(accepted.stream().noneMatch(CompletableFuture::isDone));
            SignalingException cause = (SignalingException)
                    assertThrows(ExecutionException.class, refused::get).getCause();
            assertEquals(ErrorCode.UNAVAILABLE, cause.code());
            assertTrue(cause.getMessage().contains("queue full (4 deliveries waiting)"), cause.getMessage());

            bus.close();
        }
        assertTrue(accepted.stream().allMatch(CompletableFuture::isCompletedExceptionally), "closing fails them all");
        assertFalse(accepted.isEmpty());
    }
}
