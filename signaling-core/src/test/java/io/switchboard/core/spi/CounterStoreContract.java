package io.switchboard.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.core.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link CounterStore} must have (PrivyDrop's daily referrer hashes); one subclass per backend. */
public abstract class CounterStoreContract {
    private static final Duration TTL = Duration.ofDays(30);

    /** The clock the store under test measures TTLs on; only {@link #elapse} moves it. */
    protected final MutableClock clock = new MutableClock();

    private CounterStore store;
    private final String counter = "referrers:daily:" + UUID.randomUUID();

    /** A store measuring TTLs on {@code clock}; called before each test. */
    protected abstract CounterStore newStore(Clock clock);

    /** The PTTL in ms of the counter named {@code key} in the store last made; -2 when missing. */
    protected abstract long pttl(String key);

    /** Lets {@code amount} of time pass for the store; a backend with its own clock overrides this. */
    protected void elapse(Duration amount) {
        clock.advance(amount);
    }

    @BeforeEach
    void newStore() {
        store = newStore(clock);
    }

    @Test
    void aMissingCounterOrFieldIsZero() {
        assertEquals(0L, await(store.get(counter, "producthunt")));
        await(store.increment(counter, "twitter", TTL));
        assertEquals(0L, await(store.get(counter, "producthunt")));
    }

    @Test
    void incrementsCountPerField() {
        await(store.increment(counter, "producthunt", TTL));
        await(store.increment(counter, "producthunt", TTL));
        await(store.increment(counter, "twitter", TTL));
        assertEquals(2L, await(store.get(counter, "producthunt")));
        assertEquals(1L, await(store.get(counter, "twitter")));
    }

    @Test
    void eachIncrementResetsTheTtl() {
        await(store.increment(counter, "a", TTL));
        elapse(Duration.ofDays(10));
        await(store.increment(counter, "b", TTL));
        long ttl = pttl(counter);
        assertTrue(ttl <= TTL.toMillis() && ttl > TTL.toMillis() - 5000, "PTTL " + ttl);
        elapse(Duration.ofDays(29));
        assertEquals(1L, await(store.get(counter, "a")));
    }

    @Test
    void aCounterDisappearsWhenItsTtlRunsOut() {
        await(store.increment(counter, "a", TTL));
        elapse(TTL);
        assertEquals(0L, await(store.get(counter, "a")));
        assertEquals(-2, pttl(counter));
        await(store.increment(counter, "a", TTL));
        assertEquals(1L, await(store.get(counter, "a")));
    }

    private static <T> T await(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }
}
