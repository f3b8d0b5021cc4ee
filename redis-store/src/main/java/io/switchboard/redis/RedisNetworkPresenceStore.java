package io.switchboard.redis;

import static java.util.Objects.requireNonNull;

import io.switchboard.core.id.NodeId;
import io.switchboard.core.id.SessionId;
import io.switchboard.core.spi.NetworkGroup;
import io.switchboard.core.spi.NetworkPresenceStore;
import io.switchboard.core.spi.PresenceEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@link NetworkPresenceStore} on Redis, standalone or Cluster. Each network group is one hash, hash-tagged so that
 * every key a group may ever need lands in one Cluster slot:
 *
 * <pre>
 * &lt;prefix&gt;{net:&lt;app&gt;:&lt;networkKey&gt;}:members   hash   seq           = joins so far (the join order)
 *                                                   m:&lt;session&gt;   = &lt;seq&gt;|&lt;paired 0/1&gt;|&lt;node&gt;
 *                                                   n:&lt;session&gt;   = display name
 *                                            TTL {@code groupTtl}, reset by every change; deleted when empty
 * </pre>
 *
 * <p>Writes are Lua scripts on that one key ({@code lua/presence_*.lua}, sent by SHA and loaded on a miss), so each
 * is atomic; {@link #list} is one {@code HGETALL}. An entry of a dead node stays until {@link #removeNode} removes it
 * (the survivors do so for the groups they hold) or its group sees no change for {@code groupTtl}. Every Jedis call
 * runs on the executor given at construction, never on the caller's thread.
 */
public final class RedisNetworkPresenceStore implements NetworkPresenceStore {
    /** The key prefix when none is given. */
    public static final String DEFAULT_PREFIX = "sb:";

    /** How long a group lives after its last change, when not given: longer than any idle DropSilk session. */
    public static final Duration DEFAULT_GROUP_TTL = Duration.ofHours(24);

    private static final LuaScript ADD = LuaScript.load("presence_add.lua");
    private static final LuaScript RENAME = LuaScript.load("presence_rename.lua");
    private static final LuaScript PAIR = LuaScript.load("presence_pair.lua");
    private static final LuaScript REMOVE = LuaScript.load("presence_remove.lua");
    private static final LuaScript REMOVE_NODE = LuaScript.load("presence_remove_node.lua");

    private final UnifiedJedis jedis;
    private final String prefix;
    private final String ttlMs;
    private final Executor executor;

    /** A store under {@link #DEFAULT_PREFIX} with {@link #DEFAULT_GROUP_TTL}. */
    public RedisNetworkPresenceStore(UnifiedJedis jedis, Executor executor) {
        this(jedis, DEFAULT_PREFIX, executor);
    }

    /** A store whose keys start with {@code prefix}, with {@link #DEFAULT_GROUP_TTL}. */
    public RedisNetworkPresenceStore(UnifiedJedis jedis, String prefix, Executor executor) {
        this(jedis, prefix, DEFAULT_GROUP_TTL, executor);
    }

    /**
     * A store whose keys start with {@code prefix}, whose groups expire {@code groupTtl} after their last change, and
     * whose Jedis calls run on {@code executor}.
     */
    public RedisNetworkPresenceStore(UnifiedJedis jedis, String prefix, Duration groupTtl, Executor executor) {
        this.jedis = requireNonNull(jedis, "jedis");
        this.prefix = requireNonNull(prefix, "prefix");
        this.executor = requireNonNull(executor, "executor");
        if (groupTtl.toMillis() < 1) {
            throw new IllegalArgumentException("groupTtl: " + groupTtl + " (expected: >= 1 ms)");
        }
        this.ttlMs = Long.toString(groupTtl.toMillis());
    }

    @Override
    public CompletionStage<Void> add(NetworkGroup group, PresenceEntry entry) {
        String key = key(group);
        requireNonNull(entry, "entry");
        return async(() -> {
            run(ADD, key, entry.id().value(), flag(entry.paired()), entry.node().value(), entry.name(), ttlMs);
            return null;
        });
    }

    @Override
    public CompletionStage<Boolean> rename(NetworkGroup group, SessionId session, String name) {
        String key = key(group);
        requireNonNull(name, "name");
        return async(() -> isOne(run(RENAME, key, session.value(), name, ttlMs)));
    }

    @Override
    public CompletionStage<Boolean> setPaired(NetworkGroup group, SessionId session, boolean paired) {
        String key = key(group);
        return async(() -> isOne(run(PAIR, key, session.value(), flag(paired), ttlMs)));
    }

    @Override
    public CompletionStage<Boolean> remove(NetworkGroup group, SessionId session) {
        String key = key(group);
        return async(() -> isOne(run(REMOVE, key, session.value(), ttlMs)));
    }

    @Override
    public CompletionStage<Integer> removeNode(NetworkGroup group, NodeId node) {
        String key = key(group);
        return async(() -> ((Long) run(REMOVE_NODE, key, node.value(), ttlMs)).intValue());
    }

    @Override
    public CompletionStage<List<PresenceEntry>> list(NetworkGroup group) {
        String key = key(group);
        return async(() -> entries(jedis.hgetAll(key)));
    }

    /** The key of {@code group}'s hash. */
    String key(NetworkGroup group) {
        return prefix + "{net:" + group.app().name() + ":" + group.networkKey() + "}:members";
    }

    /** The entries of a group's hash in join order; fields that do not parse are skipped. */
    static List<PresenceEntry> entries(Map<String, String> hash) {
        List<Ordered> ordered = new ArrayList<>(hash.size() / 2);
        for (Map.Entry<String, String> field : hash.entrySet()) {
            if (!field.getKey().startsWith("m:")) {
                continue;
            }
            String id = field.getKey().substring(2);
            String name = hash.get("n:" + id);
            String value = field.getValue();
            int bar = value.indexOf('|');
            if (name == null || id.isEmpty() || bar < 1 || value.length() < bar + 4 || value.charAt(bar + 2) != '|') {
                continue;
            }
            try {
                ordered.add(new Ordered(
                        Long.parseLong(value.substring(0, bar)),
                        new PresenceEntry(
                                new SessionId(id),
                                new NodeId(value.substring(bar + 3)),
                                name,
                                value.charAt(bar + 1) == '1')));
            } catch (IllegalArgumentException e) {
                // not written by this store's scripts: leave it out rather than fail the whole list
            }
        }
        ordered.sort(Comparator.comparingLong(Ordered::seq));
        List<PresenceEntry> entries = new ArrayList<>(ordered.size());
        for (Ordered o : ordered) {
            entries.add(o.entry());
        }
        return entries;
    }

    private Object run(LuaScript script, String key, String... args) {
        return script.run(jedis, List.of(key), List.of(args));
    }

    private <T> CompletionStage<T> async(Supplier<T> call) {
        try {
            return CompletableFuture.supplyAsync(call, executor);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static boolean isOne(Object reply) {
        return Long.valueOf(1).equals(reply);
    }

    private static String flag(boolean paired) {
        return paired ? "1" : "0";
    }

    /** One entry and its place in the join order. */
    private record Ordered(long seq, PresenceEntry entry) {}
}
