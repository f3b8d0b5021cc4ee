package io.switchboard.redis;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Waits between reconnection attempts: doubling from a minimum up to a cap, each wait drawn between half and all of
 * its step so that many nodes losing one Redis do not come back in lockstep. Not thread-safe.
 */
final class Backoff {
    private final long minNanos;
    private final long maxNanos;
    private long step;

    Backoff(Duration min, Duration max) {
        this.minNanos = min.toNanos();
        this.maxNanos = max.toNanos();
        this.step = minNanos;
    }

    /** The next wait; each call doubles the step until the cap. */
    Duration next() {
        long current = step;
        step = Math.min(maxNanos, step * 2);
        return Duration.ofNanos(current / 2 + ThreadLocalRandom.current().nextLong(current / 2 + 1));
    }

    /** Starts again from the minimum (after a success). */
    void reset() {
        step = minNanos;
    }
}
