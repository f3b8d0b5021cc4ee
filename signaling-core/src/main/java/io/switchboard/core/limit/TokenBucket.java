package io.switchboard.core.limit;

/**
 * A token bucket: {@code burst} tokens at most, refilled at {@code perSecond} tokens a second. Not thread-safe: one
 * bucket belongs to one session and is used on that session's thread. Time is passed in, so tests need no clock.
 */
public final class TokenBucket {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final double perNano;
    private final double burst;
    private double tokens;
    private long lastNanos;
    private boolean initialised;

    /** Creates a full bucket. Both numbers must be positive. */
    public TokenBucket(double perSecond, int burst) {
        if (perSecond <= 0 || burst <= 0) {
            throw new IllegalArgumentException(
                    "rate: " + perSecond + "/s burst " + burst + " (expected: both positive)");
        }
        this.perNano = perSecond / NANOS_PER_SECOND;
        this.burst = burst;
        this.tokens = burst;
    }

    /** Takes one token if there is one at time {@code nowNanos} (from {@link System#nanoTime()}). */
    public boolean tryAcquire(long nowNanos) {
        if (!initialised) {
            initialised = true;
            lastNanos = nowNanos;
        }
        long elapsed = nowNanos - lastNanos;
        if (elapsed > 0) {
            tokens = Math.min(burst, tokens + elapsed * perNano);
            lastNanos = nowNanos;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
