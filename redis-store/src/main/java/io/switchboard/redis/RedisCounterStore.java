package io.switchboard.redis;

import static java.util.Objects.requireNonNull;

import io.switchboard.core.spi.CounterStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * {@link CounterStore} on Redis: a hash named exactly as the counter (e.g. {@code referrers:daily:2026-11-23}, no
 * prefix), {@code HINCRBY} and {@code PEXPIRE} in one Lua script so a counter is never left without its TTL. Single
 * key, so the same on a Redis Cluster.
 */
public final class RedisCounterStore implements CounterStore {
    private static final LuaScript INCREMENT = LuaScript.load("counter_increment.lua");

    private final RedisExecutor executor;

    RedisCounterStore(RedisExecutor executor) {
        this.executor = requireNonNull(executor, "executor");
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code ttl} is shorter than 1 ms
     */
    @Override
    public CompletionStage<Void> increment(String counter, String field, Duration ttl) {
        requireNonNull(counter, "counter");
        requireNonNull(field, "field");
        requireNonNull(ttl, "ttl");
        if (ttl.toMillis() < 1) {
            throw new IllegalArgumentException("ttl: " + ttl + " (expected: >= 1 ms)");
        }
        List<String> args = List.of(field, Long.toString(ttl.toMillis()));
        return executor.submit(jedis -> {
            INCREMENT.run(jedis, List.of(counter), args);
            return null;
        });
    }

    @Override
    public CompletionStage<Long> get(String counter, String field) {
        requireNonNull(counter, "counter");
        requireNonNull(field, "field");
        return executor.submit(jedis -> {
            String value = jedis.hget(counter, field);
            return value == null ? 0L : Long.parseLong(value);
        });
    }
}
