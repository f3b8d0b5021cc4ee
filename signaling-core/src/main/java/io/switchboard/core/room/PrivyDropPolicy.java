package io.switchboard.core.room;

import static java.util.Objects.requireNonNull;

import io.switchboard.core.spi.LeaseTimes;
import java.time.Duration;

/**
 * PrivyDrop's rules, as {@link PrivyRoomService} applies them.
 *
 * @param joinRateLimit whether fresh joins are rate-limited per client IP (PrivyDrop's {@code
 *     DISABLE_JOIN_RATE_LIMIT=1} turns it off); a rejoin of the room a session is bound to is always exempt
 * @param joinLimit fresh joins one IP may make within {@code joinWindow}; the next is refused with the time until the
 *     oldest leaves the window, and refused attempts count too
 * @param joinWindow the sliding window of {@code joinLimit}
 * @param leases how long rooms and bindings live; the backend is built with them (the service itself sets no TTL)
 */
public record PrivyDropPolicy(boolean joinRateLimit, int joinLimit, Duration joinWindow, LeaseTimes leases) {
    /** PrivyDrop's values: rate limit on, 2 fresh joins per 5 s per IP, rooms of 24 h. */
    public static final PrivyDropPolicy DEFAULTS =
            new PrivyDropPolicy(true, 2, Duration.ofSeconds(5), LeaseTimes.PRIVYDROP);

    /** Validates the limit (at least 1) and the window (at least 1 ms). */
    public PrivyDropPolicy {
        requireNonNull(joinWindow, "joinWindow");
        requireNonNull(leases, "leases");
        if (joinLimit < 1) {
            throw new IllegalArgumentException("join-limit: " + joinLimit + " (expected: >= 1)");
        }
        if (joinWindow.toMillis() < 1) {
            throw new IllegalArgumentException("join-window: " + joinWindow + " (expected: >= 1 ms)");
        }
    }
}
