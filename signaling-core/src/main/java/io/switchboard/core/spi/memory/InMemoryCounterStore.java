package io.switchboard.core.spi.memory;

import static java.util.Objects.requireNonNull;
import static java.util.concurrent.CompletableFuture.completedFuture;

import io.switchboard.core.Nullable;
import io.switchboard.core.spi.CounterStore;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * {@link CounterStore} in memory: each counter is a map of fields to counts that expires {@code ttl} after its last
 * increment, like a Redis hash under {@code HINCRBY} and {@code EXPIRE}.
 *
 * <p>Counters expire lazily when touched, and every call also purges all expired counters once per second of clock
 * time, so memory is bounded by the live counters. Thread-safe: every method runs under one lock and completes at
 * once.
 */
public final class InMemoryCounterStore implements CounterStore {
    private static final long SWEEP_INTERVAL_MS = 1000;

    private final Clock clock;
    private final Map<String, Counter> counters = new HashMap<>();
    private long nextSweep = Long.MIN_VALUE;

    /** A store measuring TTLs on {@code clock}. */
    public InMemoryCounterStore(Clock clock) {
        this.clock = requireNonNull(clock, "clock");
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
        add(counter, field, ttl.toMillis());
        return completedFuture(null);
    }

    @Override
    public synchronized CompletionStage<Long> get(String counter, String field) {
        requireNonNull(counter, "counter");
        requireNonNull(field, "field");
        Counter live = live(counter, clock.millis());
        return completedFuture(live == null ? 0L : live.fields.getOrDefault(field, 0L));
    }

    /** The time to live of {@code counter} in ms as Redis's {@code PTTL} gives it: -2 when missing. For tests. */
    synchronized long pttl(String counter) {
        long now = clock.millis();
        Counter live = live(counter, now);
        return live == null ? -2 : live.expiresAt - now;
    }

    /** How many counters are held, expired ones included until the next purge. For tests. */
    synchronized int size() {
        return counters.size();
    }

    private synchronized void add(String counter, String field, long ttlMs) {
        long now = clock.millis();
        if (now >= nextSweep) {
            sweep(now);
        }
        Counter live = live(counter, now);
        if (live == null) {
            live = new Counter();
            counters.put(counter, live);
        }
        live.fields.merge(field, 1L, Long::sum);
        live.expiresAt = now + ttlMs;
    }

    private @Nullable Counter live(String counter, long now) {
        Counter live = counters.get(counter);
        if (live != null && now >= live.expiresAt) {
            counters.remove(counter);
            return null;
        }
        return live;
    }

    private void sweep(long now) {
        for (Iterator<Counter> it = counters.values().iterator(); it.hasNext(); ) {
            if (now >= it.next().expiresAt) {
                it.remove();
            }
        }
        nextSweep = now + SWEEP_INTERVAL_MS;
    }

    /** The fields of one counter and when it expires. */
    private static final class Counter {
        private final Map<String, Long> fields = new HashMap<>();
        private long expiresAt;
    }
}
