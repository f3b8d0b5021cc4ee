package io.switchboard.core.spi.memory;

import static java.util.Objects.requireNonNull;
import static java.util.concurrent.CompletableFuture.completedFuture;

import io.switchboard.core.Nullable;
import io.switchboard.core.spi.RateLimitStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * {@link RateLimitStore} in memory, with the arithmetic of PrivyDrop's Redis pipeline: record the attempt at the
 * current ms, drop attempts at or before {@code now - window}, count, read the oldest; the bucket expires one window
 * after its last attempt.
 *
 * <p>Memory is bounded by the attempts inside the windows: a bucket's old attempts are dropped on each hit, and every
 * call also purges all buckets idle for a window, once per second of clock time. Thread-safe: every method runs under
 * one lock and completes at once.
 */
public final class InMemoryRateLimitStore implements RateLimitStore {
    private static final long SWEEP_INTERVAL_MS = 1000;
    private static final long MS_PER_SECOND = 1000;

    private final Clock clock;
    private final Map<String, Bucket> buckets = new HashMap<>();
    private long nextSweep = Long.MIN_VALUE;

    /** A store measuring windows on {@code clock}. */
    public InMemoryRateLimitStore(Clock clock) {
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
        return completedFuture(record(key(bucket), windowMs, limit));
    }

    /**
     * The time to live of {@code key} ({@code ratelimit:<bucket>}) in ms as Redis's {@code PTTL} gives it: -2 when
     * the bucket is missing or expired. For tests.
     */
    synchronized long pttl(String key) {
        long now = clock.millis();
        Bucket bucket = live(key, now);
        return bucket == null ? -2 : bucket.expiresAt - now;
    }

    /** How many buckets are held, expired ones included until the next purge. For tests. */
    synchronized int size() {
        return buckets.size();
    }

    private synchronized RateLimitResult record(String key, long windowMs, int limit) {
        long now = clock.millis();
        if (now >= nextSweep) {
            sweep(now);
        }
        Bucket bucket = live(key, now);
        if (bucket == null) {
            bucket = new Bucket();
            buckets.put(key, bucket);
        }
        bucket.add(now);
        bucket.dropUpTo(now - windowMs);
        bucket.expiresAt = now + windowMs;
        int count = bucket.attempts.size();
        long oldest = bucket.attempts.get(0);
        long resetAfter = Math.max(0, -Math.floorDiv(-(oldest + windowMs - now), MS_PER_SECOND));
        return new RateLimitResult(count <= limit, Math.max(limit - count, 0), resetAfter);
    }

    private @Nullable Bucket live(String key, long now) {
        Bucket bucket = buckets.get(key);
        if (bucket != null && now >= bucket.expiresAt) {
            buckets.remove(key);
            return null;
        }
        return bucket;
    }

    private void sweep(long now) {
        for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext(); ) {
            if (now >= it.next().expiresAt) {
                it.remove();
            }
        }
        nextSweep = now + SWEEP_INTERVAL_MS;
    }

    private static String key(String bucket) {
        return "ratelimit:" + bucket;
    }

    /** The attempts of one bucket in ms, ascending (a sorted set scored by time). */
    private static final class Bucket {
        private final List<Long> attempts = new ArrayList<>();
        private long expiresAt;

        void add(long at) {
            int index = Collections.binarySearch(attempts, at);
            attempts.add(index < 0 ? -index - 1 : index, at);
        }

        void dropUpTo(long inclusive) {
            int keep = 0;
            while (keep < attempts.size() && attempts.get(keep) <= inclusive) {
                keep++;
            }
            attempts.subList(0, keep).clear();
        }
    }
}
