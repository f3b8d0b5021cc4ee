package io.switchboard.core.limit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aFullBucketAllowsTheBurstThenRefuses() {
        TokenBucket bucket = new TokenBucket(10, 3);
        assertTrue(bucket.tryAcquire(0));
        assertTrue(bucket.tryAcquire(0));
        assertTrue(bucket.tryAcquire(0));
        assertFalse(bucket.tryAcquire(0));
    }

    @Test
    void tokensComeBackAtTheRateButNeverAboveTheBurst() {
        TokenBucket bucket = new TokenBucket(10, 2);
        bucket.tryAcquire(0);
        bucket.tryAcquire(0);
        assertFalse(bucket.tryAcquire(SECOND / 20));
        assertTrue(bucket.tryAcquire(SECOND / 10));
        assertTrue(bucket.tryAcquire(100 * SECOND));
        assertTrue(bucket.tryAcquire(100 * SECOND));
        assertFalse(bucket.tryAcquire(100 * SECOND));
    }

    @Test
    void nonPositiveLimitsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(1, 0));
    }
}
