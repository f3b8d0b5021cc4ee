package io.switchboard.redis;

import static java.util.Objects.requireNonNull;

import io.switchboard.core.Nullable;
import io.switchboard.core.id.SessionId;
import io.switchboard.core.spi.LeaseTimes;
import io.switchboard.core.spi.LeasedRoomStore;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * {@link LeasedRoomStore} on Redis with PrivyDrop's keys and TTL rules (PROTOCOLS.md §2.3), so that PrivyDrop's own
 * integration test, which reads the keys directly, passes unmodified on a standalone server:
 *
 * <pre>
 * room:&lt;id&gt;            hash    created_at = ms   TTL 86400 s from create and each refresh; 900 s after the last unbind
 * room:&lt;id&gt;:sockets    set     session ids       TTL set by refresh only; Redis deletes it when it becomes empty
 * socket:&lt;sid&gt;         string  room id           TTL 90000 s from bind
 * &lt;prefix&gt;leased-rooms  zset    room id -&gt; expiry (ms), for {@link #count} without KEYS or SCAN
 * </pre>
 *
 * <p><b>Standalone</b>: every method is one Lua script over all the keys it touches, so it is atomic.
 *
 * <p><b>Redis Cluster</b>: PrivyDrop's exact names cannot share a slot ({@code room:<id>} and {@code
 * room:<id>:sockets} hash differently), and PrivyDrop's Node backend and its test only ever speak to a standalone
 * server, so exact names buy nothing there. On a Cluster the room's two keys are named {@code {room:<id>}} and {@code
 * {room:<id>}:sockets} (one slot; see {@link LeasedRoomKeys}), and every step on them stays one atomic script: in
 * particular "the last unbind sets the grace" cannot interleave with a concurrent bind and refresh. {@code
 * socket:<sid>} and the index live in other slots and are written as single commands next to the script, in
 * PrivyDrop's order (bind: binding, then membership; unbind: binding deleted first), so a crash between two steps
 * leaves at most a stale binding that its own TTL removes.
 *
 * <p>{@link #count} trims the index of rooms whose expiry has passed on the store clock and counts the rest; the
 * index is also trimmed at each create, so it holds only live rooms plus those expired since. A room whose keys are
 * deleted behind the store's back stays counted until its expiry time.
 */
public final class RedisLeasedRoomStore implements LeasedRoomStore {
    private static final LuaScript CREATE = LuaScript.load("leased_create.lua");
    private static final LuaScript BIND = LuaScript.load("leased_bind.lua");
    private static final LuaScript REFRESH = LuaScript.load("leased_refresh.lua");
    private static final LuaScript UNBIND = LuaScript.load("leased_unbind.lua");
    private static final LuaScript COUNT = LuaScript.load("leased_count.lua");

    private final RedisExecutor executor;
    private final LeasedRoomKeys keys;
    private final boolean cluster;
    private final Clock clock;
    private final long roomTtlMs;
    private final long bindingTtlMs;
    private final long emptyGraceMs;

    RedisLeasedRoomStore(RedisExecutor executor, LeasedRoomKeys keys, Clock clock, LeaseTimes leases) {
        this.executor = requireNonNull(executor, "executor");
        this.keys = requireNonNull(keys, "keys");
        this.cluster = keys.topology() == RedisTopology.CLUSTER;
        this.clock = requireNonNull(clock, "clock");
        this.roomTtlMs = leases.roomTtl().toMillis();
        this.bindingTtlMs = leases.bindingTtl().toMillis();
        this.emptyGraceMs = leases.emptyGrace().toMillis();
    }

    @Override
    public CompletionStage<Boolean> exists(String roomId) {
        requireNonNull(roomId, "roomId");
        return executor.submit(jedis -> jedis.hexists(keys.room(roomId), "created_at"));
    }

    @Override
    public CompletionStage<Boolean> create(String roomId, Instant createdAt) {
        requireNonNull(roomId, "roomId");
        requireNonNull(createdAt, "createdAt");
        long now = clock.millis();
        List<String> args =
                List.of(Long.toString(createdAt.toEpochMilli()), ms(roomTtlMs), roomId, ms(now + roomTtlMs), ms(now));
        return executor.submit(jedis -> {
            boolean created = (Long) CREATE.run(jedis, roomKeys(roomId), args) == 1;
            if (created && cluster) {
                jedis.zremrangeByScore(keys.index(), "-inf", ms(now));
                jedis.zadd(keys.index(), (double) (now + roomTtlMs), roomId);
            }
            return created;
        });
    }

    @Override
    public CompletionStage<@Nullable String> boundRoom(SessionId session) {
        requireNonNull(session, "session");
        return executor.submit(jedis -> jedis.get(keys.socket(session)));
    }

    @Override
    public CompletionStage<Void> bind(SessionId session, String roomId) {
        requireNonNull(session, "session");
        requireNonNull(roomId, "roomId");
        List<String> args = List.of(session.value(), roomId, ms(bindingTtlMs));
        return executor.submit(jedis -> {
            if (cluster) {
                jedis.set(keys.socket(session), roomId, SetParams.setParams().px(bindingTtlMs));
                BIND.run(jedis, List.of(keys.sockets(roomId)), args);
            } else {
                BIND.run(jedis, List.of(keys.sockets(roomId), keys.socket(session)), args);
            }
            return null;
        });
    }

    @Override
    public CompletionStage<Void> refresh(String roomId) {
        requireNonNull(roomId, "roomId");
        long expiry = clock.millis() + roomTtlMs;
        List<String> args = List.of(ms(roomTtlMs), roomId, ms(expiry));
        return executor.submit(jedis -> {
            boolean live = (Long) REFRESH.run(jedis, roomKeys(roomId), args) == 1;
            if (live && cluster) {
                jedis.zadd(keys.index(), (double) expiry, roomId);
            }
            return null;
        });
    }

    @Override
    public CompletionStage<Integer> unbind(SessionId session, String roomId) {
        requireNonNull(session, "session");
        requireNonNull(roomId, "roomId");
        long expiry = clock.millis() + emptyGraceMs;
        List<String> args = List.of(session.value(), ms(emptyGraceMs), roomId, ms(expiry));
        return executor.submit(jedis -> {
            List<?> reply;
            if (cluster) {
                jedis.del(keys.socket(session));
                reply = (List<?>) UNBIND.run(jedis, List.of(keys.room(roomId), keys.sockets(roomId)), args);
                if ((Long) reply.get(1) == 1) {
                    jedis.zadd(keys.index(), (double) expiry, roomId);
                }
            } else {
                List<String> all = List.of(keys.room(roomId), keys.sockets(roomId), keys.socket(session), keys.index());
                reply = (List<?>) UNBIND.run(jedis, all, args);
            }
            return Math.toIntExact((Long) reply.get(0));
        });
    }

    @Override
    public CompletionStage<Set<SessionId>> members(String roomId) {
        requireNonNull(roomId, "roomId");
        return executor.submit(jedis -> sessions(jedis, keys.sockets(roomId)));
    }

    /** {@inheritDoc} Counted from the expiry index on the store clock; see the class comment. */
    @Override
    public CompletionStage<Integer> count() {
        String now = ms(clock.millis());
        return executor.submit(jedis -> Math.toIntExact((Long) COUNT.run(jedis, List.of(keys.index()), List.of(now))));
    }

    /** The room's keys, plus the index where a script may touch it (standalone). */
    private List<String> roomKeys(String roomId) {
        return cluster
                ? List.of(keys.room(roomId), keys.sockets(roomId))
                : List.of(keys.room(roomId), keys.sockets(roomId), keys.index());
    }

    private static Set<SessionId> sessions(UnifiedJedis jedis, String key) {
        Set<SessionId> ids = new HashSet<>();
        for (String id : jedis.smembers(key)) {
            ids.add(new SessionId(id));
        }
        return Set.copyOf(ids);
    }

    private static String ms(long millis) {
        return Long.toString(millis);
    }
}
