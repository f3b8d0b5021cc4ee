package io.switchboard.redis;

import io.switchboard.core.spi.RateLimitStore;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** A {@link RateLimitStore} that notes every bucket it is asked about, then passes the call on. */
final class RecordingRateLimitStore implements RateLimitStore {
    private final RateLimitStore store;
    private final Set<String> keys = new LinkedHashSet<>();

    RecordingRateLimitStore(RateLimitStore store) {
        this.store = store;
    }

    /** The keys ({@code ratelimit:<bucket>}) of the buckets seen so far. */
    Set<String> keys() {
        return keys;
    }

    @Override
    public CompletionStage<RateLimitResult> hit(String bucket, Duration window, int limit) {
        keys.add("ratelimit:" + bucket);
        return store.hit(bucket, window, limit);
    }
}
