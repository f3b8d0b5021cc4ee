package io.switchboard.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SignalingException;
import io.switchboard.core.id.NodeId;
import io.switchboard.core.id.SessionId;
import io.switchboard.core.message.Event;
import io.switchboard.core.spi.Delivery;
import io.switchboard.redis.testing.EmbeddedRedis;
import io.switchboard.redis.testing.Eventually;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;

/** A Redis of the test's own is stopped and started again under two live buses. */
class RedisNodeBusOutageTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final Delivery PROBE = new Delivery(new SessionId("t"), new Event.PeerLeft(new SessionId("p")));

    @Test
    void publishesFailFastWhileRedisIsDownAndFlowAgainOnTheSameBusesWhenItReturns() throws Exception {
        NodeId receiverNode = new NodeId("r-" + UUID.randomUUID());
        ConcurrentLinkedQueue<Delivery> inbox = new ConcurrentLinkedQueue<>();
        try (EmbeddedRedis redis = EmbeddedRedis.start();
                RedisNodeBus sender = bus(redis);
                RedisNodeBus receiver = bus(redis);
                AutoCloseable subscription = receiver.subscribe(receiverNode, inbox::add)) {
            Eventually.await(DEADLINE, () -> receiver.isSubscribed(receiverNode) ? null : "not subscribed");
            sender.publish(receiverNode, PROBE).toCompletableFuture().get(30, TimeUnit.SECONDS);

            redis.stop();

            CompletableFuture<Void> inFlight =
                    sender.publish(receiverNode, PROBE).toCompletableFuture();
            assertUnavailable(assertThrows(ExecutionException.class, () -> inFlight.get(30, TimeUnit.SECONDS)));
            CompletableFuture<Void> next = sender.publish(receiverNode, PROBE).toCompletableFuture();
            assertTrue(next.isCompletedExceptionally(), "refused at once once Redis is known to be down");
            Eventually.await(DEADLINE, () -> receiver.isSubscribed(receiverNode) ? "still subscribed" : null);

            redis.restart();

            Eventually.await(DEADLINE, () -> {
                sender.publish(receiverNode, PROBE);
                return inbox.size() > 1 ? null : "no delivery since the restart";
            });
            List<CompletableFuture<Void>> sent = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                sent.add(sender.publish(receiverNode, BusExchange.numbered(i)).toCompletableFuture());
            }
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            Eventually.await(
                    DEADLINE,
                    () -> numbered(inbox).size() == 100 ? null : numbered(inbox).size() + " of 100");
            List<Delivery> numbered = numbered(inbox);
            for (int i = 0; i < 100; i++) {
                assertEquals(i, BusExchange.numberOf(numbered.get(i)));
            }
            assertTrue(sender.isHealthy() && receiver.isHealthy());
        }
    }

    private static List<Delivery> numbered(ConcurrentLinkedQueue<Delivery> inbox) {
        return inbox.stream()
                .filter(d -> d.event() instanceof Event.SignalRelayed)
                .toList();
    }

    private static void assertUnavailable(ExecutionException e) {
        SignalingException cause = (SignalingException) e.getCause();
        assertEquals(ErrorCode.UNAVAILABLE, cause.code());
    }

    private static RedisNodeBus bus(EmbeddedRedis redis) {
        return new RedisNodeBus(
                new HostAndPort("127.0.0.1", redis.port()),
                DefaultJedisClientConfig.builder().build(),
                false,
                RedisBusConfig.DEFAULTS);
    }
}
