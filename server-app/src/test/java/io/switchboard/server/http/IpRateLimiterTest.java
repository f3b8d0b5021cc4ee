package io.switchboard.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.server.telemetry.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IpRateLimiterTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2024-05-01T12:00:00Z"));

    @Test
    void allowsPerMinuteAcquisitionsThenRefusesUntilTheNextMinute() {
        IpRateLimiter limiter = new IpRateLimiter(3, clock);

        assertTrue(limiter.tryAcquire("198.51.100.1"));
        assertTrue(limiter.tryAcquire("198.51.100.1"));
        assertTrue(limiter.tryAcquire("198.51.100.1"));
        clock.advance(Duration.ofSeconds(59));
        assertFalse(limiter.tryAcquire("198.51.100.1"));

        clock.advance(Duration.ofSeconds(1));
        assertTrue(limiter.tryAcquire("198.51.100.1"));
    }

    @Test
    void eachIpHasItsOwnCount() {
        IpRateLimiter limiter = new IpRateLimiter(1, clock);

        assertTrue(limiter.tryAcquire("198.51.100.1"));
        assertFalse(limiter.tryAcquire("198.51.100.1"));
        assertTrue(limiter.tryAcquire("198.51.100.2"));
    }

    @Test
    void retryAfterIsTheRestOfTheMinuteRoundedUpOrZeroWhenAllowed() {
        IpRateLimiter limiter = new IpRateLimiter(1, clock);
        clock.advance(Duration.ofMillis(20_500));

        assertEquals(0, limiter.retryAfterSeconds("198.51.100.1"));
        limiter.tryAcquire("198.51.100.1");

        assertEquals(40, limiter.retryAfterSeconds("198.51.100.1"));
        clock.advance(Duration.ofMillis(39_400));
        assertEquals(1, limiter.retryAfterSeconds("198.51.100.1"));
    }

    @Test
    void pastWindowsAreForgottenWhenTheMinuteRollsOver() {
        IpRateLimiter limiter = new IpRateLimiter(5, clock);
        limiter.tryAcquire("198.51.100.1");
        limiter.tryAcquire("198.51.100.2");
        assertEquals(2, limiter.trackedKeys());

        clock.advance(Duration.ofMinutes(1));

        assertEquals(0, limiter.trackedKeys());
    }

    @Test
    void fullTableRefusesNewIpsButServesTrackedOnesUntilRollover() {
        IpRateLimiter limiter = new IpRateLimiter(5, clock, 2);
        assertTrue(limiter.tryAcquire("198.51.100.1"));
        assertTrue(limiter.tryAcquire("198.51.100.2"));

        assertFalse(limiter.tryAcquire("198.51.100.3"));
        assertEquals(60, limiter.retryAfterSeconds("198.51.100.3"));
        assertTrue(limiter.tryAcquire("198.51.100.1"));
        assertEquals(2, limiter.trackedKeys());

        clock.advance(Duration.ofMinutes(1));
        assertTrue(limiter.tryAcquire("198.51.100.3"));
    }

    @Test
    void limitBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new IpRateLimiter(0, clock));
    }
}
