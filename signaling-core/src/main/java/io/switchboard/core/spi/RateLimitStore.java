package io.switchboard.core.spi;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * Sliding-window rate limits shared by every node. Redis layout: a sorted set {@code ratelimit:<bucket>} whose
 * members are attempts scored by their time in ms, with the window as its TTL (PrivyDrop's {@code
 * ratelimit:join:<ip>}).
 */
public interface RateLimitStore {
    /**
     * Records one attempt in {@code bucket} now, drops attempts older than {@code window}, and says whether the
     * attempts left in the window (this one included) are at most {@code limit}. Refused attempts are recorded too,
     * so hammering keeps a client blocked.
     */
    CompletionStage<RateLimitResult> hit(String bucket, Duration window, int limit);

    /**
     * The verdict of one attempt.
     *
     * @param allowed whether the attempt is within the limit
     * @param remaining attempts left in the window, never negative
     * @param resetAfterSeconds seconds until the oldest attempt leaves the window, rounded up
     */
    record RateLimitResult(boolean allowed, int remaining, long resetAfterSeconds) {}
}
