package io.switchboard.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SignalingException;
import io.switchboard.core.id.NodeId;
import io.switchboard.core.id.SessionId;
import io.switchboard.core.message.Event;
import io.switchboard.core.message.RawJson;
import io.switchboard.core.spi.Delivery;
import io.switchboard.redis.testing.EmbeddedRedis;
import io.switchboard.redis.testing.Eventually;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

class RedisNodeBusTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private final EmbeddedRedis redis = EmbeddedRedis.shared();
    private final RedisBusConfig config = RedisBusConfig.DEFAULTS.withKeyPrefix("t-" + UUID.randomUUID() + ":");
    private RedisNodeBus busA;
    private RedisNodeBus busB;

    @BeforeEach
    void startBuses() {
        busA = bus(config);
        busB = bus(config);
    }

    @AfterEach
    void closeBuses() {
        busA.close();
        busB.close();
    }

    @Test
    void tenThousandDeliveriesEachWayArriveExactlyOnceAndInOrder() throws Exception {
        BusExchange.bothWays(busA, busB, 10_000);

        assertEquals(10_001, busA.received());
        assertEquals(10_001, busB.received());
        assertEquals(0, busA.publishFailures() + busB.publishFailures());
    }

    @Test
    void publishingToANodeNobodyListensToCompletesNormally() throws Exception {
        busA.publish(new NodeId("nobody-" + UUID.randomUUID()), BusExchange.numbered(1))
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);

        assertEquals(1, busA.published());
    }

    @Test
    void aNodeSubscribesOncePerBus() throws Exception {
        NodeId node = new NodeId("n-" + UUID.randomUUID());
        try (AutoCloseable inbox = busA.subscribe(node, d -> {})) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> busA.subscribe(node, d -> {}));
            assertTrue(e.getMessage().contains("already subscribed"), e.getMessage());
        }
    }

    @Test
    void aFrameThatDoesNotDecodeIsCountedAndTheNextOneStillArrives() throws Exception {
        try (RawInbox inbox = new RawInbox()) {
            inbox.publishRaw(new byte[] {1, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07});
            busA.publish(inbox.node, BusExchange.numbered(7))
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);

            Eventually.await(DEADLINE, () -> inbox.deliveries.size() == 1 ? null : inbox.deliveries + " delivered");
            assertEquals(1, busB.decodeFailures());
            assertEquals(7, BusExchange.numberOf(inbox.deliveries.peek()));
        }
    }

    @Test
    void aRecordFromANewerNodeIsSkippedAndTheDeliveriesPackedBesideItArrive() throws Exception {
        try (RawInbox inbox = new RawInbox()) {
            byte[] unknownEvent = {1, 't', 99, 0}; // an event tag this version does not know
            inbox.publishRaw(DeliveryCodec.frame(List.of(
                    DeliveryCodec.encode(BusExchange.numbered(1)),
                    unknownEvent,
                    DeliveryCodec.encode(BusExchange.numbered(2)))));

            Eventually.await(DEADLINE, () -> inbox.deliveries.size() == 2 ? null : inbox.deliveries + " delivered");
            assertEquals(
                    List.of(1, 2),
                    inbox.deliveries.stream().map(BusExchange::numberOf).toList());
            assertEquals(1, busB.decodeFailures());
            assertEquals(2, busB.received());
        }
    }

    @Test
    void aDeliveryOverTheByteBoundIsRefusedAtOnce() {
        try (RedisNodeBus small = bus(config.withMaxQueuedBytes(100))) {
            Delivery big = new Delivery(
                    new SessionId("t"),
                    new Event.SignalRelayed(new SessionId("s"), RawJson.of("\"" + "x".repeat(200) + "\"")));

            CompletableFuture<Void> refused =
                    small.publish(new NodeId("n"), big).toCompletableFuture();

            assertTrue(refused.isCompletedExceptionally());
            ExecutionException e = assertThrows(ExecutionException.class, refused::get);
            SignalingException cause = (SignalingException) e.getCause();
            assertEquals(ErrorCode.UNAVAILABLE, cause.code());
            assertTrue(cause.getMessage().contains("queue full (over 100 bytes waiting)"), cause.getMessage());
            assertEquals(1, small.publishFailures());
        }
    }

    private RedisNodeBus bus(RedisBusConfig busConfig) {
        return new RedisNodeBus(
                new HostAndPort("127.0.0.1", redis.port()),
                DefaultJedisClientConfig.builder().build(),
                false,
                busConfig);
    }

    /** A fresh node's inbox subscribed on bus B, and a way to publish raw bytes into it straight through Redis. */
    private final class RawInbox implements AutoCloseable {
        final NodeId node = new NodeId("n-" + UUID.randomUUID());
        final ConcurrentLinkedQueue<Delivery> deliveries = new ConcurrentLinkedQueue<>();
        private final AutoCloseable subscription = busB.subscribe(node, deliveries::add);

        RawInbox() {
            Eventually.await(DEADLINE, () -> busB.isSubscribed(node) ? null : "not subscribed");
        }

        void publishRaw(byte[] frame) {
            try (Jedis raw = redis.client()) {
                raw.publish(config.inboxChannel(node).getBytes(StandardCharsets.UTF_8), frame);
            }
        }

        @Override
        public void close() throws Exception {
            subscription.close();
        }
    }
}
