package io.switchboard.server.http;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * A fixed-window request limit per client IP: at most {@code perMinute} acquisitions per IP in each wall-clock minute
 * (windows start at whole minutes of the injected clock).
 *
 * <p>Memory is bounded: all counts are dropped when a window rolls over, so only the current minute's IPs are kept,
 * and at most {@value #MAX_KEYS} distinct IPs are tracked per window. When that many are tracked, an IP not yet seen
 * in this window is <em>refused</em> until the window rolls over (fail closed): tracked IPs keep their normal limit,
 * and refusing is the safe side for what this guards (minting TURN relay credentials; the DropSilk frontend falls back
 * to STUN when refused). Allowing untracked IPs instead would let anyone who can fill the table first mint
 * credentials without limit.
 *
 * <p>Thread-safe; one lock, held for a map lookup.
 */
public final class IpRateLimiter {
    static final int MAX_KEYS = 100_000;

    private static final long WINDOW_MILLIS = 60_000;

    private final int perMinute;
    private final Clock clock;
    private final int maxKeys;
    private Map<String, Integer> counts = new HashMap<>();
    private long window = Long.MIN_VALUE;

    /** At most {@code perMinute} ({@code >= 1}) acquisitions per IP per minute of {@code clock}. */
    public IpRateLimiter(int perMinute, Clock clock) {
        this(perMinute, clock, MAX_KEYS);
    }

    IpRateLimiter(int perMinute, Clock clock, int maxKeys) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("perMinute: " + perMinute + " (expected: >= 1)");
        }
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys: " + maxKeys + " (expected: >= 1)");
        }
        this.perMinute = perMinute;
        this.clock = requireNonNull(clock, "clock");
        this.maxKeys = maxKeys;
    }

    /** Counts one request from {@code ip}; false if it is over the limit for the current minute (it is not counted). */
    public synchronized boolean tryAcquire(String ip) {
        requireNonNull(ip, "ip");
        roll(clock.millis());
        Integer used = counts.get(ip);
        if (used == null) {
            if (counts.size() >= maxKeys) {
                return false;
            }
            counts.put(ip, 1);
            return true;
        }
        if (used >= perMinute) {
            return false;
        }
        counts.put(ip, used + 1);
        return true;
    }

    /**
     * Whole seconds (at least 1) until {@code ip} may acquire again, for a {@code Retry-After} header; 0 if it may
     * acquire now.
     */
    public synchronized long retryAfterSeconds(String ip) {
        requireNonNull(ip, "ip");
        long now = clock.millis();
        roll(now);
        Integer used = counts.get(ip);
        boolean blocked = used == null ? counts.size() >= maxKeys : used >= perMinute;
        if (!blocked) {
            return 0;
        }
        long remaining = (window + 1) * WINDOW_MILLIS - now;
        return Math.max(1, (remaining + 999) / 1000);
    }

    /** How many IPs are tracked in the current window. */
    synchronized int trackedKeys() {
        roll(clock.millis());
        return counts.size();
    }

    private void roll(long nowMillis) {
        long current = Math.floorDiv(nowMillis, WINDOW_MILLIS);
        if (current != window) {
            window = current;
            // A new map rather than clear(): clear() keeps a table sized for the busiest minute.
            counts = new HashMap<>();
        }
    }
}
