package io.switchboard.core.spi.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.core.spi.CounterStore;
import io.switchboard.core.spi.CounterStoreContract;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemoryCounterStoreTest extends CounterStoreContract {
    private InMemoryCounterStore store;

    @Override
    protected CounterStore newStore(Clock clock) {
        store = new InMemoryCounterStore(clock);
        return store;
    }

    @Override
    protected long pttl(String key) {
        return store.pttl(key);
    }

    @Test
    void expiredCountersArePurgedOnTheNextIncrement() {
        for (int i = 0; i < 10; i++) {
            store.increment("referrers:daily:2026-11-" + (10 + i), "noRef", Duration.ofDays(1));
        }
        assertEquals(10, store.size());
        elapse(Duration.ofDays(1));
        store.increment("referrers:daily:2026-12-01", "noRef", Duration.ofDays(1));
        assertEquals(1, store.size());
    }
}
