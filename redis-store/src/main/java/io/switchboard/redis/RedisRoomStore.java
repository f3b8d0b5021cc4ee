package io.switchboard.redis;

import static java.util.Objects.requireNonNull;

import io.switchboard.core.id.AppId;
import io.switchboard.core.id.RoomKey;
import io.switchboard.core.id.SessionId;
import io.switchboard.core.message.Member;
import io.switchboard.core.spi.JoinResult;
import io.switchboard.core.spi.RoomStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * {@link RoomStore} on Redis (DropSilk flights). Each room is two keys sharing one hash tag, so that a Lua script may
 * change both atomically on a Redis Cluster too:
 *
 * <pre>
 * &lt;prefix&gt;{room:&lt;app&gt;:&lt;code&gt;}:order    list  member ids in join order        (the lease)
 * &lt;prefix&gt;{room:&lt;app&gt;:&lt;code&gt;}:members  hash  member id -&gt; encoded member  (the lease)
 * &lt;prefix&gt;roomleases:&lt;app&gt;              zset  code -&gt; lease expiry (ms), for {@link #count}
 * </pre>
 *
 * <p>Members are encoded by {@link MemberCodec}. {@code create}, {@code join}, {@code leave}, {@code members}, {@code
 * delete} and {@code count} are each one script. <b>Leases</b>: a room normally ends when its last member leaves,
 * but a room whose members' node died before anyone could remove them, or whose cleanup failed, would otherwise stay
 * forever; so create and join (re)set a lease on both keys (PrivyDrop's room TTL, 24 hours), and a room nobody
 * joined for that long expires. Peers already paired keep relaying without the store; only joining an expired room
 * fails. {@code count} first drops the leases that ran
 * out, then counts ({@code ZCARD}; no {@code KEYS} or {@code SCAN}). On a standalone server the scripts update the
 * leases in the same step, so the count is exact. On a Cluster the leases live in another slot; the caller updates
 * them right after the script, idempotently, so the count can be off only while a call is in flight or if the
 * process dies between the two steps (until the lease runs out), and never goes negative.
 */
public final class RedisRoomStore implements RoomStore {
    private static final LuaScript CREATE = LuaScript.load("room_create.lua");
    private static final LuaScript JOIN = LuaScript.load("room_join.lua");
    private static final LuaScript LEAVE = LuaScript.load("room_leave.lua");
    private static final LuaScript MEMBERS = LuaScript.load("room_members.lua");
    private static final LuaScript DELETE = LuaScript.load("room_delete.lua");
    private static final LuaScript COUNT = LuaScript.load("room_count.lua");

    private final RedisExecutor executor;
    private final boolean cluster;
    private final String prefix;
    private final long leaseMillis;

    RedisRoomStore(RedisExecutor executor, RedisTopology topology, String prefix, Duration lease) {
        this.executor = requireNonNull(executor, "executor");
        this.cluster = requireNonNull(topology, "topology") == RedisTopology.CLUSTER;
        this.prefix = requireNonNull(prefix, "prefix");
        this.leaseMillis = lease.toMillis();
        if (leaseMillis <= 0) {
            throw new IllegalArgumentException("lease: " + lease + " (expected: > 0)");
        }
    }

    @Override
    public CompletionStage<Boolean> create(RoomKey room, Member owner) {
        requireNonNull(room, "room");
        requireNonNull(owner, "owner");
        List<String> args =
                List.of(owner.id().value(), MemberCodec.encode(owner), room.code(), Long.toString(leaseMillis));
        return executor.submit(jedis -> {
            boolean created = asLong(CREATE.run(jedis, keys(room), args)) == 1;
            if (created && cluster) {
                jedis.zadd(leasesKey(room.app()), (double) (System.currentTimeMillis() + leaseMillis), room.code());
            }
            return created;
        });
    }

    @Override
    public CompletionStage<JoinResult> join(RoomKey room, Member member, int capacity) {
        requireNonNull(room, "room");
        requireNonNull(member, "member");
        List<String> args = List.of(
                member.id().value(),
                MemberCodec.encode(member),
                Integer.toString(capacity),
                room.code(),
                Long.toString(leaseMillis));
        return executor.submit(jedis -> {
            List<?> reply = (List<?>) JOIN.run(jedis, keys(room), args);
            JoinResult.Status status = JoinResult.Status.valueOf((String) reply.get(0));
            if (status == JoinResult.Status.JOINED && cluster) {
                jedis.zadd(leasesKey(room.app()), (double) (System.currentTimeMillis() + leaseMillis), room.code());
            }
            return new JoinResult(status, decode(reply.get(1)));
        });
    }

    @Override
    public CompletionStage<List<Member>> leave(RoomKey room, SessionId member) {
        requireNonNull(room, "room");
        requireNonNull(member, "member");
        List<String> args = List.of(member.value(), room.code());
        return executor.submit(jedis -> {
            List<?> reply = (List<?>) LEAVE.run(jedis, keys(room), args);
            if (asLong(reply.get(0)) == 1 && cluster) {
                jedis.zrem(leasesKey(room.app()), room.code());
            }
            return decode(reply.get(1));
        });
    }

    @Override
    public CompletionStage<List<Member>> members(RoomKey room) {
        requireNonNull(room, "room");
        return executor.submit(
                jedis -> decode(MEMBERS.run(jedis, List.of(orderKey(room), membersKey(room)), List.of())));
    }

    @Override
    public CompletionStage<Void> delete(RoomKey room) {
        requireNonNull(room, "room");
        return executor.submit(jedis -> {
            DELETE.run(jedis, keys(room), List.of(room.code()));
            if (cluster) {
                jedis.zrem(leasesKey(room.app()), room.code());
            }
            return null;
        });
    }

    /**
     * {@inheritDoc}
     *
     * <p>Exact on a standalone server; on a Cluster it may be off while a create or the last leave is in flight.
     * Rooms whose lease ran out are not counted.
     */
    @Override
    public CompletionStage<Integer> count(AppId app) {
        requireNonNull(app, "app");
        return executor.submit(jedis -> Math.toIntExact(asLong(COUNT.run(jedis, List.of(leasesKey(app)), List.of()))));
    }

    /** The room's keys, plus the app's leases where a script may touch them (standalone). */
    private List<String> keys(RoomKey room) {
        return cluster
                ? List.of(orderKey(room), membersKey(room))
                : List.of(orderKey(room), membersKey(room), leasesKey(room.app()));
    }

    String orderKey(RoomKey room) {
        return tag(room) + ":order";
    }

    String membersKey(RoomKey room) {
        return tag(room) + ":members";
    }

    String leasesKey(AppId app) {
        return prefix + "roomleases:" + app.name();
    }

    private String tag(RoomKey room) {
        return prefix + "{room:" + room.app().name() + ":" + room.code() + "}";
    }

    private static List<Member> decode(Object encodedMembers) {
        List<?> encoded = (List<?>) encodedMembers;
        List<Member> members = new ArrayList<>(encoded.size());
        for (Object member : encoded) {
            members.add(MemberCodec.decode((String) member));
        }
        return List.copyOf(members);
    }

    private static long asLong(Object reply) {
        return (Long) reply;
    }
}
