package io.switchboard.redis;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How {@link NodeLiveness} beats and judges.
 *
 * @param keyPrefix the start of the one key liveness uses, {@code <keyPrefix>nodes}
 * @param period how often each node beats; survivors look for dead nodes twice per period
 * @param deadAfter how old a node's last beat may get before it is dead; more than {@code period}
 */
public record LivenessConfig(String keyPrefix, Duration period, Duration deadAfter) {
    /** Prefix {@code sb:}, a beat every 2 s, dead after 3 s: a death is claimed at most 4 s after the last beat. */
    public static final LivenessConfig DEFAULTS = forPeriod("sb:", Duration.ofSeconds(2));

    /** Validates: period at least 10 ms, {@code deadAfter} longer than it. */
    public LivenessConfig {
        requireNonNull(keyPrefix, "keyPrefix");
        requireNonNull(period, "period");
        requireNonNull(deadAfter, "deadAfter");
        if (period.toMillis() < 10) {
            throw new IllegalArgumentException("period: " + period + " (expected: >= 10 ms)");
        }
        if (deadAfter.compareTo(period) <= 0) {
            throw new IllegalArgumentException(
                    "deadAfter: " + deadAfter + " (expected: longer than the period " + period + ")");
        }
    }

    /** A beat every {@code period}, dead after one and a half periods. */
    public static LivenessConfig forPeriod(String keyPrefix, Duration period) {
        return new LivenessConfig(keyPrefix, period, period.multipliedBy(3).dividedBy(2));
    }

    /** The sorted set of node ids scored by their last beat (Redis server time, ms). */
    public String nodesKey() {
        return keyPrefix + "nodes";
    }

    /** How often survivors look for dead nodes: half a period, so a death is claimed within two periods. */
    public Duration checkInterval() {
        return period.dividedBy(2);
    }
}
