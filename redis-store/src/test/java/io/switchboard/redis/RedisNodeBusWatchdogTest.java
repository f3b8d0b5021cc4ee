package io.switchboard.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.core.id.NodeId;
import io.switchboard.core.spi.Delivery;
import io.switchboard.redis.testing.EmbeddedRedis;
import io.switchboard.redis.testing.Eventually;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;

/**
 * The bus's watchdog: a subscription whose connection goes silent without closing (here a proxy that stops
 * forwarding) is broken and made again, and the inbox hears new deliveries; probes are never delivered or counted.
 */
class RedisNodeBusWatchdogTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Test
    void aSubscriptionWhoseConnectionWentSilentIsMadeAgainAndHearsNewDeliveries() throws Exception {
        EmbeddedRedis redis = EmbeddedRedis.shared();
        NodeId node = new NodeId("w-" + UUID.randomUUID());
        RedisBusConfig config = probingEvery(Duration.ofMillis(200));
        ConcurrentLinkedQueue<Delivery> inbox = new ConcurrentLinkedQueue<>();
        try (FreezingTcpProxy proxy = new FreezingTcpProxy(redis.port());
                RedisNodeBus receiver = new RedisNodeBus(
                        new HostAndPort("127.0.0.1", proxy.port()),
                        DefaultJedisClientConfig.builder()
                                .socketTimeoutMillis(500)
                                .build(),
                        false,
                        config);
                RedisNodeBus sender = new RedisNodeBus(
                        new HostAndPort("127.0.0.1", redis.port()),
                        DefaultJedisClientConfig.builder().build(),
                        false,
                        config);
                AutoCloseable subscription = receiver.subscribe(node, inbox::add)) {
            Eventually.await(DEADLINE, () -> receiver.isSubscribed(node) ? null : "not subscribed");
            sender.publish(node, BusExchange.numbered(0)).toCompletableFuture().get(10, TimeUnit.SECONDS);
            Eventually.await(DEADLINE, () -> inbox.isEmpty() ? "delivery 0 not heard" : null);

            proxy.freezeOpenConnections();

            Eventually.await(DEADLINE, () -> {
                sender.publish(node, BusExchange.numbered(1));
                return inbox.stream().anyMatch(d -> BusExchange.numberOf(d) == 1)
                        ? null
                        : "nothing heard since the connection froze";
            });
            assertTrue(receiver.inboxReconnects() >= 1, "the watchdog made the subscription again");
            List<Delivery> heard = List.copyOf(inbox);
            assertEquals(0, BusExchange.numberOf(heard.get(0)));
            assertTrue(heard.stream().allMatch(d -> BusExchange.numberOf(d) <= 1), heard.toString());
            assertEquals(0, receiver.published(), "the receiver published only probes, which are not deliveries");
        }
    }

    @Test
    void aHealthySubscriptionIsLeftAloneWhileOnlyProbesArrive() throws Exception {
        EmbeddedRedis redis = EmbeddedRedis.shared();
        NodeId node = new NodeId("w-" + UUID.randomUUID());
        RedisBusConfig config = probingEvery(Duration.ofMillis(100));
        ConcurrentLinkedQueue<Delivery> inbox = new ConcurrentLinkedQueue<>();
        try (RedisNodeBus bus = new RedisNodeBus(
                        new HostAndPort("127.0.0.1", redis.port()),
                        DefaultJedisClientConfig.builder().build(),
                        false,
                        config);
                AutoCloseable subscription = bus.subscribe(node, inbox::add)) {
            Eventually.await(DEADLINE, () -> bus.isSubscribed(node) ? null : "not subscribed");
            // ten probe intervals of nothing but probes: far past the three intervals of silence that would count
            Eventually.await(DEADLINE, () -> bus.framesPublished() >= 10 ? null : bus.framesPublished() + " probes");
            assertEquals(0, bus.inboxReconnects());
            assertTrue(inbox.isEmpty(), "probes are not delivered: " + inbox);
            assertEquals(0, bus.received());
        }
    }

    /** The default bus limits under a key prefix of the test's own, probing every {@code interval}. */
    private static RedisBusConfig probingEvery(Duration interval) {
        return RedisBusConfig.DEFAULTS
                .withKeyPrefix("t-" + UUID.randomUUID() + ":")
                .withProbeInterval(interval);
    }
}
