package io.switchboard.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.core.spi.RateLimitStore.RateLimitResult;
import io.switchboard.core.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link RateLimitStore} must have: PrivyDrop's sliding window (PROTOCOLS.md §2.4) with its limit
 * of 2 per 5 s; one subclass per backend.
 */
public abstract class RateLimitStoreContract {
    private static final Duration WINDOW = Duration.ofSeconds(5);
    private static final int LIMIT = 2;

    /** The clock the store under test measures windows on; only {@link #elapse} moves it. */
    protected final MutableClock clock = new MutableClock();

    private RateLimitStore store;
    private final String bucket = "join:" + UUID.randomUUID();

    /** A store measuring windows on {@code clock}; called before each test. */
    protected abstract RateLimitStore newStore(Clock clock);

    /** The PTTL in ms of {@code key} ({@code ratelimit:<bucket>}) in the store last made; -2 when missing. */
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
    void theThirdHitWithinTheWindowIsRefusedWithNothingLeft() {
        assertEquals(new RateLimitResult(true, 1, 5), hit());
        assertEquals(new RateLimitResult(true, 0, 5), hit());
        assertEquals(new RateLimitResult(false, 0, 5), hit());
    }

    @Test
    void resetAfterCountsFromTheOldestAttemptRoundedUp() {
        hit();
        elapse(Duration.ofMillis(1500));
        hit();
        assertEquals(new RateLimitResult(false, 0, 4), hit());
    }

    @Test
    void refusedAttemptsAreRecordedSoHammeringStaysBlocked() {
        hit();
        elapse(Duration.ofSeconds(1));
        hit();
        elapse(Duration.ofSeconds(1));
        assertEquals(false, hit().allowed());
        elapse(Duration.ofMillis(3500));
        // The first attempt left the window; the refused one at 2 s still counts.
        assertEquals(new RateLimitResult(false, 0, 1), hit());
    }

    @Test
    void theWindowSlides() {
        hit();
        hit();
        elapse(WINDOW);
        assertEquals(new RateLimitResult(true, 1, 5), hit(), "attempts exactly one window old have left it");
    }

    @Test
    void bucketsAreIndependent() {
        hit();
        hit();
        hit();
        RateLimitResult other = await(store.hit("join:" + UUID.randomUUID(), WINDOW, LIMIT));
        assertEquals(new RateLimitResult(true, 1, 5), other);
    }

    @Test
    void aBucketLivesOneWindowAfterItsLastHit() {
        hit();
        long ttl = pttl("ratelimit:" + bucket);
        assertTrue(ttl > 0 && ttl <= WINDOW.toMillis(), "PTTL " + ttl);
        elapse(WINDOW);
        assertEquals(-2, pttl("ratelimit:" + bucket));
    }

    private RateLimitResult hit() {
        return await(store.hit(bucket, WINDOW, LIMIT));
    }

    private static <T> T await(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }
}
