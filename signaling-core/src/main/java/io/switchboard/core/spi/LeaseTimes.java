package io.switchboard.core.spi;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The lifetimes of {@link LeasedRoomStore} keys.
 *
 * @param roomTtl a room's lifetime, set at creation and reset on every join (PrivyDrop: 24 h)
 * @param bindingTtl a session's binding to a room (PrivyDrop: 25 h)
 * @param emptyGrace how long a room lives once its last session left (PrivyDrop: 15 min)
 */
public record LeaseTimes(Duration roomTtl, Duration bindingTtl, Duration emptyGrace) {
    /** PrivyDrop's values. */
    public static final LeaseTimes PRIVYDROP =
            new LeaseTimes(Duration.ofHours(24), Duration.ofHours(25), Duration.ofMinutes(15));

    /** All positive. */
    public LeaseTimes {
        requireNonNull(roomTtl, "roomTtl");
        requireNonNull(bindingTtl, "bindingTtl");
        requireNonNull(emptyGrace, "emptyGrace");
        if (roomTtl.isNegative()
                || roomTtl.isZero()
                || bindingTtl.isNegative()
                || bindingTtl.isZero()
                || emptyGrace.isNegative()
                || emptyGrace.isZero()) {
            throw new IllegalArgumentException("lease times: " + this + " (expected: all > 0)");
        }
    }
}
