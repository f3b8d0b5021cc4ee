package io.switchboard.core.spi.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.core.id.SessionId;
import io.switchboard.core.spi.LeasedRoomStore;
import io.switchboard.core.spi.LeasedRoomStoreContract;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemoryLeasedRoomStoreTest extends LeasedRoomStoreContract {
    private InMemoryLeasedRoomStore store;

    @Override
    protected LeasedRoomStore newStore(Clock clock) {
        store = new InMemoryLeasedRoomStore(clock);
        return store;
    }

    @Override
    protected long pttl(String key) {
        return store.pttl(key);
    }

    @Test
    void expiredKeysArePurgedOnTheNextWrite() {
        for (int i = 0; i < 10; i++) {
            store.create("room-" + i, clock.instant());
            store.bind(new SessionId("s-" + i), "room-" + i);
        }
        assertEquals(30, store.size());
        elapse(Duration.ofHours(25));
        store.create("fresh", clock.instant());
        // The member sets never got a TTL (no refresh), exactly as in Redis; the rooms and bindings are gone.
        assertEquals(11, store.size());
    }
}
