package io.switchboard.redis;

import static java.util.Objects.requireNonNull;

import io.switchboard.core.id.AppId;
import io.switchboard.core.id.RoomKey;
import io.switchboard.core.id.SessionId;
import io.switchboard.core.message.Member;
import io.switchboard.core.spi.JoinResult;
import io.switchboard.core.spi.RoomStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * {@link RoomStore} on Redis (DropSilk flights). Each room is two keys sharing one hash tag, so that a Lua script may
 * change both atomically on a Redis Cluster too:
 *
 * <pre>
 * &lt;prefix&gt;{room:&lt;app&gt;:&lt;code&gt;}:order    list  member ids in join order
 * &lt;prefix&gt;{room:&lt;app&gt;:&lt;code&gt;}:members  hash  member id -&gt; {@link MemberCodec encoded member}
 * &lt;prefix&gt;rooms:&lt;app&gt;                   set   codes of the app's rooms, for {@link #count}
 * </pre>
 *
 * <p>{@code create}, {@code join}, {@code leave}, {@code members} and {@code delete} are each one script. {@code
 * count} reads the per-app set with {@code SCARD} (no {@code KEYS} or {@code SCAN}). On a standalone server the
 * scripts update that set in the same step, so the count is exact. On a Cluster the set lives in another slot; the
 * caller adds or removes the code right after the script, with idempotent {@code SADD}/{@code SREM}, so the count
 * can be off only while a call is in flight or if the process dies between the two steps, and never goes negative.
 * Rooms have no TTL: a room lasts until its last member leaves or it is deleted.
 */
public final class RedisRoomStore implements RoomStore {
    private static final LuaScript CREATE = LuaScript.load("room_create.lua");
    private static final LuaScript JOIN = LuaScript.load("room_join.lua");
    private static final LuaScript LEAVE = LuaScript.load("room_leave.lua");
    private static final LuaScript MEMBERS = LuaScript.load("room_members.lua");
    private static final LuaScript DELETE = LuaScript.load("room_delete.lua");

    private final RedisExecutor executor;
    private final boolean cluster;
    private final String prefix;

    RedisRoomStore(RedisExecutor executor, RedisTopology topology, String prefix) {
        this.executor = requireNonNull(executor, "executor");
        this.cluster = requireNonNull(topology, "topology") == RedisTopology.CLUSTER;
        this.prefix = requireNonNull(prefix, "prefix");
    }

    @Override
    public CompletionStage<Boolean> create(RoomKey room, Member owner) {
        requireNonNull(room, "room");
        requireNonNull(owner, "owner");
        List<String> args = List.of(owner.id().value(), MemberCodec.encode(owner), room.code());
        return executor.submit(jedis -> {
            boolean created = asLong(CREATE.run(jedis, keys(room), args)) == 1;
            if (created && cluster) {
                jedis.sadd(appRoomsKey(room.app()), room.code());
            }
            return created;
        });
    }

    @Override
    public CompletionStage<JoinResult> join(RoomKey room, Member member, int capacity) {
        requireNonNull(room, "room");
        requireNonNull(member, "member");
        List<String> args = List.of(member.id().value(), MemberCodec.encode(member), Integer.toString(capacity));
        return executor.submit(jedis -> {
            List<?> reply = (List<?>) JOIN.run(jedis, List.of(orderKey(room), membersKey(room)), args);
            return new JoinResult(JoinResult.Status.valueOf((String) reply.get(0)), decode(reply.get(1)));
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
                jedis.srem(appRoomsKey(room.app()), room.code());
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
                jedis.srem(appRoomsKey(room.app()), room.code());
            }
            return null;
        });
    }

    /**
     * {@inheritDoc}
     *
     * <p>Exact on a standalone server; on a Cluster it may be off while a create or the last leave is in flight.
     */
    @Override
    public CompletionStage<Integer> count(AppId app) {
        requireNonNull(app, "app");
        return executor.submit(jedis -> Math.toIntExact(jedis.scard(appRoomsKey(app))));
    }

    /** The room's keys, plus the app's set where a script may touch it (standalone). */
    private List<String> keys(RoomKey room) {
        return cluster
                ? List.of(orderKey(room), membersKey(room))
                : List.of(orderKey(room), membersKey(room), appRoomsKey(room.app()));
    }

    String orderKey(RoomKey room) {
        return tag(room) + ":order";
    }

    String membersKey(RoomKey room) {
        return tag(room) + ":members";
    }

    String appRoomsKey(AppId app) {
        return prefix + "rooms:" + app.name();
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
