package io.switchboard.redis;

import static java.util.Objects.requireNonNull;

import io.switchboard.core.spi.RateLimitStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletionStage;

/**
 * {@link RateLimitStore} on Redis: the sorted set {@code ratelimit:<bucket>} exactly as named (PrivyDrop's {@code
 * ratelimit:join:<ip>}, no prefix), one attempt per member {@code <ms>-<random>} scored by its time on the store
 * clock. One Lua script records the attempt, drops attempts at or before {@code now - window}, counts, reads the
 * oldest and sets the window as the TTL, so refused attempts count too and concurrent hits from several nodes cannot
 * both slip under the limit. Single key, so the same on a Redis Cluster.
 */
public final class RedisRateLimitStore implements RateLimitStore {
    private static final LuaScript HIT = LuaScript.load("ratelimit_hit.lua");
    private static final long MS_PER_SECOND = 1000;

    private final RedisExecutor executor;
    private final Clock clock;
    private final Random random = new SecureRandom();

    RedisRateLimitStore(RedisExecutor executor, Clock clock) {
        this.executor = requireNonNull(executor, "executor");
        this.clock = requireNonNull(clock, "clock");
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code window} is shorter than 1 ms or {@code limit} is negative
     */
    @Override
    public CompletionStage<RateLimitResult> hit(String bucket, Duration window, int limit) {
        requireNonNull(bucket, "bucket");
        requireNonNull(window, "window");
        long windowMs = window.toMillis();
        if (windowMs < 1 || limit < 0) {
            throw new IllegalArgumentException(
                    "window / limit: " + window + " / " + limit + " (expected: >= 1 ms / >= 0)");
        }
        long now = clock.millis();
        String attempt = now + "-" + Long.toUnsignedString(random.nextLong(), 36);
        List<String> args =
                List.of(Long.toString(now), attempt, Long.toString(now - windowMs), Long.toString(windowMs));
        return executor.submit(jedis -> {
            List<?> reply = (List<?>) HIT.run(jedis, List.of("ratelimit:" + bucket), args);
            int count = Math.toIntExact((Long) reply.get(0));
            long oldest = (long) Double.parseDouble((String) reply.get(1));
            long resetAfter = Math.max(0, -Math.floorDiv(-(oldest + windowMs - now), MS_PER_SECOND));
            return new RateLimitResult(count <= limit, Math.max(limit - count, 0), resetAfter);
        });
    }
}
