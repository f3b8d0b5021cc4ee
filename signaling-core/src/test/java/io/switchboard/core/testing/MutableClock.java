package io.switchboard.core.testing;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that stands still until the test moves it, so TTLs and windows are tested without sleeping. Thread-safe. */
public final class MutableClock extends Clock {
    /** Where the test clocks start unless told otherwise. */
    public static final Instant START = Instant.parse("2026-11-23T12:00:00Z");

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** A UTC clock standing at {@code start}. */
    public MutableClock(Instant start) {
        this(new AtomicReference<>(requireNonNull(start, "start")), ZoneOffset.UTC);
    }

    /** A UTC clock standing at {@link #START}. */
    public MutableClock() {
        this(START);
    }

    /** Moves the clock forward by {@code amount} (backwards if negative). */
    public void advance(Duration amount) {
        now.updateAndGet(instant -> instant.plus(amount));
    }

    /** Sets the clock to {@code instant}. */
    public void set(Instant instant) {
        now.set(requireNonNull(instant, "instant"));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** A view in another zone that moves with this clock. */
    @Override
    public Clock withZone(ZoneId zone) {
        return new MutableClock(now, zone);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
