package io.switchboard.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.core.id.AppId;
import io.switchboard.core.id.NodeId;
import io.switchboard.core.id.SessionId;
import io.switchboard.core.spi.NetworkGroup;
import io.switchboard.core.spi.NetworkPresenceStore;
import io.switchboard.core.spi.NetworkPresenceStoreContract;
import io.switchboard.core.spi.PresenceEntry;
import io.switchboard.redis.testing.EmbeddedRedis;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisConnectionException;

/** The presence contract on a standalone Redis, and what only Redis has: keys, TTLs, scripts, executor, outages. */
class RedisNetworkPresenceStoreTest extends NetworkPresenceStoreContract {
    private static final Duration TTL = Duration.ofHours(1);
    private static final String PREFIX = "test-" + UUID.randomUUID() + ":";

    private static JedisPooled jedis;
    private static ExecutorService executor;
    private static RedisNetworkPresenceStore store;

    private final NetworkGroup group = new NetworkGroup(new AppId("dropsilk"), "net-" + UUID.randomUUID());
    private final PresenceEntry a = new PresenceEntry(new SessionId("a"), new NodeId("n1"), "Alice", false);
    private final PresenceEntry b = new PresenceEntry(new SessionId("b"), new NodeId("n1"), "Bob", false);

    @BeforeAll
    static void connect() {
        jedis = new JedisPooled("127.0.0.1", EmbeddedRedis.shared().port());
        executor = Executors.newFixedThreadPool(4);
        store = new RedisNetworkPresenceStore(jedis, PREFIX, TTL, executor);
    }

    @AfterAll
    static void disconnect() {
        executor.shutdown();
        jedis.close();
    }

    @Override
    protected NetworkPresenceStore store() {
        return store;
    }

    @Test
    void aGroupIsOneHashTaggedHashUnderThePrefixWithTheGroupTtl() {
        await(store.add(group, a));
        String key = PREFIX + "{net:dropsilk:" + group.networkKey() + "}:members";
        assertEquals(key, store.key(group));
        try (Jedis client = EmbeddedRedis.shared().client()) {
            assertEquals("hash", client.type(key));
            long pttl = client.pttl(key);
            assertTrue(pttl > TTL.minusMinutes(1).toMillis() && pttl <= TTL.toMillis(), "pttl " + pttl);
        }
    }

    @Test
    void theDefaultPrefixIsSb() {
        RedisNetworkPresenceStore defaults = new RedisNetworkPresenceStore(jedis, executor);
        assertEquals(
                "sb:{net:dropsilk:192.168.1}:members", defaults.key(new NetworkGroup(AppId.DROPSILK, "192.168.1")));
    }

    @Test
    void everyChangeResetsTheGroupTtl() {
        await(store.add(group, a));
        await(store.add(group, b));
        List<Runnable> changes = List.of(
                () -> await(store.add(group, a)),
                () -> await(store.rename(group, a.id(), "Alicia")),
                () -> await(store.setPaired(group, a.id(), true)),
                () -> await(store.remove(group, b.id())),
                () -> await(store.removeNode(group, new NodeId("n1"))));
        try (Jedis client = EmbeddedRedis.shared().client()) {
            for (Runnable change : changes) {
                await(store.add(group, a));
                client.pexpire(store.key(group), 60_000);
                change.run();
                long pttl = client.pttl(store.key(group));
                assertTrue(pttl == -2 || pttl > 60_000, "pttl " + pttl);
            }
        }
    }

    @Test
    void updatesOfAMissingSessionLeaveTheTtlAlone() {
        await(store.add(group, a));
        try (Jedis client = EmbeddedRedis.shared().client()) {
            client.pexpire(store.key(group), 60_000);
            assertFalse(await(store.rename(group, b.id(), "Nobody")));
            assertFalse(await(store.setPaired(group, b.id(), true)));
            assertFalse(await(store.remove(group, b.id())));
            assertTrue(client.pttl(store.key(group)) <= 60_000);
        }
    }

    @Test
    void theLastRemoveDeletesTheKey() {
        await(store.add(group, a));
        await(store.remove(group, a.id()));
        try (Jedis client = EmbeddedRedis.shared().client()) {
            assertFalse(client.exists(store.key(group)));
        }
    }

    @Test
    void scriptsAreLoadedAgainAfterTheServerForgotThem() {
        try (Jedis client = EmbeddedRedis.shared().client()) {
            client.scriptFlush();
        }
        await(store.add(group, a));
        assertTrue(await(store.rename(group, a.id(), "Alicia")));
        assertEquals(List.of(a.withName("Alicia")), await(store.list(group)));
    }

    @Test
    void nothingRunsOnTheCallersThread() {
        Queue<Runnable> queued = new ArrayDeque<>();
        RedisNetworkPresenceStore deferred = new RedisNetworkPresenceStore(jedis, PREFIX, TTL, queued::add);
        CompletableFuture<Void> added = deferred.add(group, a).toCompletableFuture();
        CompletableFuture<List<PresenceEntry>> listed = deferred.list(group).toCompletableFuture();
        assertFalse(added.isDone());
        assertFalse(listed.isDone());
        assertEquals(2, queued.size());
        queued.forEach(Runnable::run);
        assertEquals(List.of(a), listed.join());
    }

    @Test
    void anUnreachableRedisFailsTheStageInsteadOfThrowing() {
        EmbeddedRedis gone = EmbeddedRedis.start();
        gone.stop();
        try (JedisPooled dead = new JedisPooled("127.0.0.1", gone.port())) {
            RedisNetworkPresenceStore down = new RedisNetworkPresenceStore(dead, PREFIX, executor);
            CompletionException thrown = assertThrows(
                    CompletionException.class,
                    () -> down.add(group, a).toCompletableFuture().join());
            assertInstanceOf(JedisConnectionException.class, thrown.getCause());
        }
    }

    private static <T> T await(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }
}
