package io.switchboard.core;

import java.time.Duration;

/**
 * Limits every app shares. Each has a safe default in {@link #DEFAULTS}.
 *
 * @param messagesPerSecond sustained commands a session may send; over it, commands are refused with {@code
 *     rate_limited} (the session stays open)
 * @param messageBurst commands a session may send at once before the rate applies
 * @param maxSignalBytes largest relayed payload; a larger one is refused with {@code message_too_big}
 * @param networkListLimit most entries in one network user list; the rest are left out
 * @param networkListCoalesce how long changes to one network group are gathered before one update is sent to it
 */
public record CoreLimits(
        double messagesPerSecond,
        int messageBurst,
        int maxSignalBytes,
        int networkListLimit,
        Duration networkListCoalesce) {
    /** The defaults: 50 commands/s with bursts of 200, 64 KiB payloads, lists of 100, 50 ms coalescing. */
    public static final CoreLimits DEFAULTS = new CoreLimits(50, 200, 64 * 1024, 100, Duration.ofMillis(50));

    /** Validates every limit. */
    public CoreLimits {
        if (messagesPerSecond <= 0 || messageBurst <= 0) {
            throw new IllegalArgumentException("max-messages-per-second / message-burst: " + messagesPerSecond + " / "
                    + messageBurst + " (expected: both positive)");
        }
        if (maxSignalBytes < 1024) {
            throw new IllegalArgumentException("max-signal-bytes: " + maxSignalBytes + " (expected: >= 1024)");
        }
        if (networkListLimit < 0) {
            throw new IllegalArgumentException("network-list-limit: " + networkListLimit + " (expected: >= 0)");
        }
        if (networkListCoalesce.isNegative()) {
            throw new IllegalArgumentException("network-list-coalesce: " + networkListCoalesce + " (expected: >= 0)");
        }
    }
}
