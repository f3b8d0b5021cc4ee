package io.switchboard.core.spi.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.core.spi.RateLimitStore;
import io.switchboard.core.spi.RateLimitStoreContract;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemoryRateLimitStoreTest extends RateLimitStoreContract {
    private InMemoryRateLimitStore store;

    @Override
    protected RateLimitStore newStore(Clock clock) {
        store = new InMemoryRateLimitStore(clock);
        return store;
    }

    @Override
    protected long pttl(String key) {
        return store.pttl(key);
    }

    @Test
    void idleBucketsArePurgedOnTheNextHit() {
        for (int i = 0; i < 100; i++) {
            store.hit("join:10.0.0." + i, Duration.ofSeconds(5), 2);
        }
        assertEquals(100, store.size());
        elapse(Duration.ofSeconds(5));
        store.hit("join:10.0.1.1", Duration.ofSeconds(5), 2);
        assertEquals(1, store.size());
    }
}
