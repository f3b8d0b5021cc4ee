package io.switchboard.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.core.id.SessionId;
import io.switchboard.core.spi.LeasedRoomStore;
import io.switchboard.core.spi.LeasedRoomStoreContract;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@link RedisLeasedRoomStore} on a standalone server; {@link RedisClusterLeasedRoomStoreTest} runs the same on a
 * Cluster. Time passes for Redis by ageing the keys the test touched ({@link KeyAger}).
 */
class RedisLeasedRoomStoreTest extends LeasedRoomStoreContract {
    private RedisStores stores;
    private UnifiedJedis raw;
    private RecordingLeasedRoomStore store;
    private LeasedRoomKeys keys;

    /** Where the stores under test live. */
    RedisTarget target() {
        return RedisTarget.STANDALONE;
    }

    @Override
    protected LeasedRoomStore newStore(Clock clock) {
        stores = target().connect(clock);
        raw = target().rawClient();
        keys = new LeasedRoomKeys(target().topology(), "unused:");
        store = new RecordingLeasedRoomStore(stores.leasedRooms());
        return store;
    }

    @AfterEach
    void close() {
        stores.close();
        raw.close();
    }

    @Override
    protected long pttl(String key) {
        return raw.pttl(onTarget(key));
    }

    @Override
    protected void elapse(Duration amount) {
        super.elapse(amount);
        List<String> touched = new ArrayList<>();
        for (String room : store.rooms()) {
            touched.add(keys.room(room));
            touched.add(keys.sockets(room));
        }
        for (SessionId session : store.sessions()) {
            touched.add(keys.socket(session));
        }
        KeyAger.age(raw, touched, amount);
    }

    @Test
    void roomIdsWithBracesWorkOnEveryTopology() {
        String room = "we{ird}" + System.nanoTime() + "}{";
        SessionId session = new SessionId("brace-" + System.nanoTime());
        assertTrue(await(store.create(room, clock.instant())));
        await(store.bind(session, room));
        await(store.refresh(room));
        assertEquals(Set.of(session), await(store.members(room)));
        assertEquals(0, await(store.unbind(session, room)));
    }

    /** A name of PrivyDrop's layout ({@code room:<id>}, {@code room:<id>:sockets}, {@code socket:<sid>}) here. */
    private String onTarget(String key) {
        if (key.startsWith("socket:")) {
            return key;
        }
        String room = key.substring("room:".length());
        return room.endsWith(":sockets")
                ? keys.sockets(room.substring(0, room.length() - ":sockets".length()))
                : keys.room(room);
    }

    private static <T> T await(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }
}
