package io.switchboard.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.core.id.SessionId;
import io.switchboard.redis.testing.EmbeddedRedis;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * The keys as PrivyDrop's own integration test reads them with a plain client (PROTOCOLS.md §2.3): exact names, types
 * and TTLs on a standalone server, nothing prefixed.
 */
class PrivyDropKeyLayoutTest {
    private final String room = "r-" + UUID.randomUUID();
    private final SessionId session = new SessionId("sid-" + UUID.randomUUID());
    private RedisStores stores;
    private Jedis raw;

    @BeforeEach
    void connect() {
        stores = RedisTarget.STANDALONE.connect(Clock.systemUTC());
        raw = EmbeddedRedis.shared().client();
    }

    @AfterEach
    void close() {
        stores.close();
        raw.close();
    }

    @Test
    void aJoinedRoomHasPrivyDropsKeysTypesAndTtls() {
        Instant createdAt = Instant.now();
        await(stores.leasedRooms().create(room, createdAt));
        await(stores.leasedRooms().bind(session, room));
        await(stores.leasedRooms().refresh(room));

        assertEquals("hash", raw.type("room:" + room));
        assertEquals(Long.toString(createdAt.toEpochMilli()), raw.hget("room:" + room, "created_at"));
        assertBetween(86_390, 86_400, raw.ttl("room:" + room), "TTL room:<id>");
        assertEquals("set", raw.type("room:" + room + ":sockets"));
        assertEquals(1, raw.scard("room:" + room + ":sockets"));
        assertBetween(86_390, 86_400, raw.ttl("room:" + room + ":sockets"), "TTL room:<id>:sockets");
        assertEquals("string", raw.type("socket:" + session));
        assertEquals(room, raw.get("socket:" + session));
        assertBetween(89_990, 90_000, raw.ttl("socket:" + session), "TTL socket:<sid>");
    }

    @Test
    void afterTheLastLeaveOnlyTheRoomRemainsForFifteenMinutes() {
        await(stores.leasedRooms().create(room, Instant.now()));
        await(stores.leasedRooms().bind(session, room));
        await(stores.leasedRooms().refresh(room));
        await(stores.leasedRooms().unbind(session, room));

        assertEquals(-2, raw.ttl("room:" + room + ":sockets"));
        assertNull(raw.get("socket:" + session));
        assertBetween(1, 900, raw.ttl("room:" + room), "TTL room:<id>");
        assertTrue(raw.hexists("room:" + room, "created_at"));
    }

    @Test
    void rateLimitsAndCountersUseTheNamesGiven() {
        String ip = "join:203.0.113." + UUID.randomUUID();
        String counter = "referrers:daily:" + UUID.randomUUID();
        await(stores.rateLimits().hit(ip, Duration.ofSeconds(5), 2));
        await(stores.counters().increment(counter, "noRef", Duration.ofDays(30)));

        assertEquals("zset", raw.type("ratelimit:" + ip));
        assertBetween(1, 5_000, raw.pttl("ratelimit:" + ip), "PTTL ratelimit:<bucket>");
        assertEquals("hash", raw.type(counter));
        assertEquals("1", raw.hget(counter, "noRef"));
        assertBetween(2_591_990, 2_592_000, raw.ttl(counter), "TTL " + counter);
    }

    @Test
    void onAClusterARoomsTwoKeysShareOneSlotWhateverItsId() {
        LeasedRoomKeys cluster = new LeasedRoomKeys(RedisTopology.CLUSTER, "sb:");
        for (String id : List.of("1234", "aB9z", "", "a}b", "{x}", "}{", "room:{1}")) {
            assertEquals(
                    JedisClusterCRC16.getSlot(cluster.room(id)), JedisClusterCRC16.getSlot(cluster.sockets(id)), id);
        }
    }

    private static void assertBetween(long low, long high, long actual, String what) {
        assertTrue(actual >= low && actual <= high, what + " = " + actual + " (expected: " + low + ".." + high + ")");
    }

    private static <T> T await(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }
}
