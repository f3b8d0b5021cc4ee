package io.switchboard.redis;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.switchboard.core.id.AppId;
import io.switchboard.core.id.NodeId;
import io.switchboard.core.id.RoomKey;
import io.switchboard.core.id.SessionId;
import io.switchboard.core.message.Member;
import io.switchboard.core.network.ClientAddress;
import io.switchboard.core.spi.LeaseTimes;
import io.switchboard.core.spi.NetworkGroup;
import io.switchboard.core.spi.PresenceEntry;
import io.switchboard.redis.testing.EmbeddedRedis;
import io.switchboard.redis.testing.Eventually;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** A Redis outage and its end, on a private server, with one {@link RedisStores} throughout. */
class RedisStoresOutageTest {
    private static final Duration GENEROUS = Duration.ofSeconds(30);

    @Test
    void everyCallFailsDuringAnOutageAndWorksAgainAfterItWithoutARestart() throws Exception {
        try (EmbeddedRedis redis = EmbeddedRedis.start();
                RedisStores stores = RedisStores.connect(
                        RedisStoreConfig.parse(redis.url() + "?healthIntervalMs=50"),
                        Clock.systemUTC(),
                        LeaseTimes.PRIVYDROP)) {
            Map<String, Supplier<CompletionStage<?>>> calls = everyCall(stores);
            assertAllSucceed(calls);

            redis.stop();
            for (Map.Entry<String, Supplier<CompletionStage<?>>> call : calls.entrySet()) {
                assertThrows(
                        ExecutionException.class,
                        () -> call.getValue().get().toCompletableFuture().get(GENEROUS.toSeconds(), TimeUnit.SECONDS),
                        call.getKey());
            }
            Eventually.await(GENEROUS, () -> stores.isHealthy() ? "still healthy while Redis is down" : null);

            redis.restart();
            Eventually.await(GENEROUS, () -> stores.isHealthy() ? null : "not healthy again after Redis returned");
            assertAllSucceed(calls);
        }
    }

    private static void assertAllSucceed(Map<String, Supplier<CompletionStage<?>>> calls) throws Exception {
        for (Map.Entry<String, Supplier<CompletionStage<?>>> call : calls.entrySet()) {
            try {
                call.getValue().get().toCompletableFuture().get(GENEROUS.toSeconds(), TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                throw new AssertionError(call.getKey() + " failed", e.getCause());
            }
        }
    }

    /** One call of every method of every store, by name. */
    private static Map<String, Supplier<CompletionStage<?>>> everyCall(RedisStores stores) {
        RoomKey room = new RoomKey(AppId.DROPSILK, "OUTAGE1234");
        Member member = new Member(new SessionId("s1"), new NodeId("n1"), "Ann", ClientAddress.UNKNOWN);
        SessionId session = new SessionId("s1");
        NodeId node = new NodeId("n1");
        Map<String, Supplier<CompletionStage<?>>> calls = new LinkedHashMap<>();
        calls.put("rooms.create", () -> stores.rooms().create(room, member));
        calls.put("rooms.join", () -> stores.rooms().join(room, member, 2));
        calls.put("rooms.members", () -> stores.rooms().members(room));
        calls.put("rooms.leave", () -> stores.rooms().leave(room, session));
        calls.put("rooms.delete", () -> stores.rooms().delete(room));
        calls.put("rooms.count", () -> stores.rooms().count(AppId.DROPSILK));
        calls.put("leasedRooms.exists", () -> stores.leasedRooms().exists("1234"));
        calls.put("leasedRooms.create", () -> stores.leasedRooms().create("1234", Instant.now()));
        calls.put("leasedRooms.boundRoom", () -> stores.leasedRooms().boundRoom(session));
        calls.put("leasedRooms.bind", () -> stores.leasedRooms().bind(session, "1234"));
        calls.put("leasedRooms.refresh", () -> stores.leasedRooms().refresh("1234"));
        calls.put("leasedRooms.members", () -> stores.leasedRooms().members("1234"));
        calls.put("leasedRooms.unbind", () -> stores.leasedRooms().unbind(session, "1234"));
        calls.put("leasedRooms.count", () -> stores.leasedRooms().count());
        calls.put("rateLimits.hit", () -> stores.rateLimits().hit("join:10.0.0.1", Duration.ofSeconds(5), 2));
        calls.put("counters.increment", () -> stores.counters().increment("c", "f", Duration.ofDays(1)));
        calls.put("counters.get", () -> stores.counters().get("c", "f"));
        calls.put("directory.register", () -> stores.directory().register(session, node));
        calls.put("directory.nodeOf", () -> stores.directory().nodeOf(session));
        calls.put("directory.sessionsOf", () -> stores.directory().sessionsOf(node));
        calls.put("directory.unregister", () -> stores.directory().unregister(session));
        calls.put("directory.forgetNode", () -> stores.directory().forgetNode(node));
        NetworkGroup group = new NetworkGroup(AppId.DROPSILK, "203.0.113.7");
        calls.put("presence.add", () -> stores.presence().add(group, new PresenceEntry(session, node, "Ann", false)));
        calls.put("presence.rename", () -> stores.presence().rename(group, session, "Bob"));
        calls.put("presence.setPaired", () -> stores.presence().setPaired(group, session, true));
        calls.put("presence.list", () -> stores.presence().list(group));
        calls.put("presence.remove", () -> stores.presence().remove(group, session));
        calls.put("presence.removeNode", () -> stores.presence().removeNode(group, node));
        return calls;
    }
}
