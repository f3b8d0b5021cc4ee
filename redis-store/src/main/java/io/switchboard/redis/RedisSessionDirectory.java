package io.switchboard.redis;

import static java.util.Objects.requireNonNull;

import io.switchboard.core.Nullable;
import io.switchboard.core.id.NodeId;
import io.switchboard.core.id.SessionId;
import io.switchboard.core.spi.SessionDirectory;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * {@link SessionDirectory} on Redis, plus what node-liveness needs to clean up after a dead node:
 *
 * <pre>
 * &lt;prefix&gt;session:&lt;sid&gt;          string  the node holding the session
 * &lt;prefix&gt;{node:&lt;id&gt;}:sessions    set     the sessions a node registered
 * </pre>
 *
 * <p>A session's entry and its node's set are in different Cluster slots (and the set of the node a session moves
 * from is known only after reading the entry), so each method is a short series of single-key commands in an order
 * that keeps lookups right: {@code register} adds to the node's set before pointing the entry at it, {@code
 * unregister} deletes the entry before leaving the set. A set may thus briefly hold a session that has moved on;
 * {@link #forgetNode} tolerates that by deleting an entry only while it still names the dead node. Entries have no
 * TTL: they live until unregistered or their node is forgotten.
 */
public final class RedisSessionDirectory implements SessionDirectory {
    private static final LuaScript FORGET = LuaScript.load("session_forget.lua");

    private final RedisExecutor executor;
    private final String prefix;

    RedisSessionDirectory(RedisExecutor executor, String prefix) {
        this.executor = requireNonNull(executor, "executor");
        this.prefix = requireNonNull(prefix, "prefix");
    }

    @Override
    public CompletionStage<Void> register(SessionId session, NodeId node) {
        requireNonNull(session, "session");
        requireNonNull(node, "node");
        return executor.submit(jedis -> {
            jedis.sadd(sessionsKey(node), session.value());
            String previous = jedis.setGet(sessionKey(session), node.value());
            if (previous != null && !previous.equals(node.value())) {
                jedis.srem(sessionsKey(new NodeId(previous)), session.value());
            }
            return null;
        });
    }

    @Override
    public CompletionStage<Void> unregister(SessionId session) {
        requireNonNull(session, "session");
        return executor.submit(jedis -> {
            String node = jedis.getDel(sessionKey(session));
            if (node != null) {
                jedis.srem(sessionsKey(new NodeId(node)), session.value());
            }
            return null;
        });
    }

    @Override
    public CompletionStage<@Nullable NodeId> nodeOf(SessionId session) {
        requireNonNull(session, "session");
        return executor.submit(jedis -> {
            String node = jedis.get(sessionKey(session));
            return node == null ? null : new NodeId(node);
        });
    }

    /** The sessions {@code node} registered and has not unregistered; empty for an unknown node. */
    public CompletionStage<Set<SessionId>> sessionsOf(NodeId node) {
        requireNonNull(node, "node");
        return executor.submit(jedis -> {
            Set<SessionId> sessions = new HashSet<>();
            for (String id : jedis.smembers(sessionsKey(node))) {
                sessions.add(new SessionId(id));
            }
            return Set.copyOf(sessions);
        });
    }

    /**
     * Forgets a dead {@code node}: every session it registered stops resolving to it (a session that has since
     * registered on another node keeps that entry), and the node's set is deleted. One round trip per session, on one
     * executor thread; idempotent, so a failed call can simply be repeated.
     */
    public CompletionStage<Void> forgetNode(NodeId node) {
        requireNonNull(node, "node");
        List<String> args = List.of(node.value());
        return executor.submit(jedis -> {
            for (String id : jedis.smembers(sessionsKey(node))) {
                FORGET.run(jedis, List.of(sessionKey(new SessionId(id))), args);
            }
            jedis.del(sessionsKey(node));
            return null;
        });
    }

    String sessionKey(SessionId session) {
        return prefix + "session:" + session.value();
    }

    String sessionsKey(NodeId node) {
        return prefix + "{node:" + node.value() + "}:sessions";
    }
}
