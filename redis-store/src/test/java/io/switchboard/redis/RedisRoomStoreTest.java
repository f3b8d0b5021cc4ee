package io.switchboard.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.core.id.AppId;
import io.switchboard.core.id.NodeId;
import io.switchboard.core.id.RoomKey;
import io.switchboard.core.id.SessionId;
import io.switchboard.core.message.Member;
import io.switchboard.core.network.ClientAddress;
import io.switchboard.core.spi.JoinResult;
import io.switchboard.core.spi.LeaseTimes;
import io.switchboard.core.spi.RoomStore;
import io.switchboard.core.spi.RoomStoreContract;
import io.switchboard.redis.testing.Eventually;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.util.JedisClusterCRC16;

/** {@link RedisRoomStore} on a standalone server; {@link RedisClusterRoomStoreTest} runs the same on a Cluster. */
class RedisRoomStoreTest extends RoomStoreContract {
    private RedisStores stores;

    /** Where the stores under test live. */
    RedisTarget target() {
        return RedisTarget.STANDALONE;
    }

    @BeforeEach
    void connect() {
        stores = target().connect(Clock.systemUTC());
    }

    @AfterEach
    void close() {
        stores.close();
    }

    @Override
    protected RoomStore store() {
        return stores.rooms();
    }

    @Test
    void membersKeepEveryFieldAndTheirJoinOrder() {
        RoomKey room = new RoomKey(
                AppId.DROPSILK, "AB{12}:x" + UUID.randomUUID().toString().substring(0, 8));
        Member owner = new Member(
                new SessionId("s1"), new NodeId("node-1"), "Ann: 3:x 🚀", ClientAddress.parse("192.168.1.20"));
        Member guest = new Member(new SessionId("s2"), new NodeId("node-2"), "", ClientAddress.parse("2001:db8::1"));
        Member third = new Member(new SessionId("s3"), new NodeId("node-1"), "Cy", ClientAddress.UNKNOWN);
        await(stores.rooms().create(room, owner));
        await(stores.rooms().join(room, guest, 3));
        assertEquals(
                JoinResult.Status.JOINED,
                await(stores.rooms().join(room, third, 3)).status());
        assertEquals(List.of(owner, guest, third), await(stores.rooms().members(room)));
        assertEquals(List.of(owner, third), await(stores.rooms().leave(room, guest.id())));
    }

    @Test
    void countIsPerApp() {
        AppId other = new AppId("other-" + UUID.randomUUID().toString().substring(0, 8));
        Member owner = new Member(new SessionId("a"), new NodeId("n1"), "a", ClientAddress.UNKNOWN);
        await(stores.rooms()
                .create(new RoomKey(AppId.DROPSILK, UUID.randomUUID().toString()), owner));
        await(stores.rooms().create(new RoomKey(other, "r1"), owner));
        await(stores.rooms().create(new RoomKey(other, "r2"), owner));
        assertEquals(2, await(stores.rooms().count(other)));
        await(stores.rooms().leave(new RoomKey(other, "r1"), owner.id()));
        assertEquals(1, await(stores.rooms().count(other)));
    }

    @Test
    void aRoomsKeysLiveOneLeaseFromItsLastJoin() {
        RoomKey room = new RoomKey(AppId.DROPSILK, UUID.randomUUID().toString().substring(0, 10));
        Member owner = new Member(new SessionId("a"), new NodeId("n1"), "a", ClientAddress.UNKNOWN);
        Member guest = new Member(new SessionId("b"), new NodeId("n2"), "b", ClientAddress.UNKNOWN);
        await(stores.rooms().create(room, owner));
        try (UnifiedJedis raw = target().rawClient()) {
            raw.pexpire(stores.rooms().orderKey(room), 60_000);
            raw.pexpire(stores.rooms().membersKey(room), 60_000);
            await(stores.rooms().join(room, guest, 2));
            for (String key :
                    List.of(stores.rooms().orderKey(room), stores.rooms().membersKey(room))) {
                long ttl = raw.pttl(key);
                assertTrue(
                        ttl > Duration.ofHours(23).toMillis()
                                && ttl <= Duration.ofHours(24).toMillis(),
                        key + ": " + ttl);
            }
        }
    }

    @Test
    void aRoomNobodyLeftExpiresWithItsLeaseAndLeavesTheCount() {
        AppId app = new AppId("lease-" + UUID.randomUUID().toString().substring(0, 8));
        LeaseTimes threeSeconds = new LeaseTimes(Duration.ofSeconds(3), Duration.ofHours(25), Duration.ofMinutes(15));
        try (RedisStores shortLived = RedisStores.connect(
                RedisStoreConfig.parse(target().seed().url() + "?prefix=" + RedisTarget.uniquePrefix()),
                Clock.systemUTC(),
                threeSeconds)) {
            RoomKey orphan = new RoomKey(app, "orphan");
            Member owner = new Member(new SessionId("a"), new NodeId("dead-node"), "a", ClientAddress.UNKNOWN);
            await(shortLived.rooms().create(orphan, owner));
            assertEquals(1, await(shortLived.rooms().count(app)));
            // its node died: nobody will ever leave it
            Eventually.await(
                    Duration.ofSeconds(30),
                    () -> await(shortLived.rooms().count(app)) == 0 ? null : "the orphan is still counted");
            assertEquals(List.of(), await(shortLived.rooms().members(orphan)));
            assertEquals(
                    JoinResult.Status.NOT_FOUND,
                    await(shortLived.rooms().join(orphan, owner, 2)).status());
        }
    }

    @Test
    void aRoomsKeysShareOneClusterSlot() {
        for (String code : List.of("ABCDEFGHIJ", "a}b", "{x}", "}{")) {
            RoomKey room = new RoomKey(AppId.DROPSILK, code);
            assertEquals(
                    JedisClusterCRC16.getSlot(stores.rooms().orderKey(room)),
                    JedisClusterCRC16.getSlot(stores.rooms().membersKey(room)),
                    code);
        }
    }

    private static <T> T await(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }
}
