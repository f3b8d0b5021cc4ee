package io.switchboard.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.core.id.SessionId;
import io.switchboard.core.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link LeasedRoomStore} must have, key by key as PrivyDrop's Redis layout and its integration
 * test see it (PROTOCOLS.md §2.3); one subclass per backend. TTLs are read with Redis's {@code PTTL} semantics.
 */
public abstract class LeasedRoomStoreContract {
    /** PTTL of a missing key. */
    protected static final long NO_KEY = -2;

    /** PTTL of a key without expiry. */
    protected static final long NO_EXPIRY = -1;

    private static final Duration DAY = Duration.ofHours(24);
    private static final Duration BINDING = Duration.ofHours(25);
    private static final Duration GRACE = Duration.ofMinutes(15);

    /** The clock the store under test measures TTLs on; only {@link #elapse} moves it. */
    protected final MutableClock clock = new MutableClock();

    private LeasedRoomStore store;
    private final String room = "r-" + UUID.randomUUID();
    private final SessionId a = new SessionId("a-" + UUID.randomUUID());
    private final SessionId b = new SessionId("b-" + UUID.randomUUID());

    /** A store with {@link LeaseTimes#PRIVYDROP} measuring TTLs on {@code clock}; called before each test. */
    protected abstract LeasedRoomStore newStore(Clock clock);

    /**
     * The PTTL in ms of {@code key} (a name of the Redis layout, e.g. {@code room:<id>:sockets}) in the store last
     * made: {@link #NO_KEY} when missing, {@link #NO_EXPIRY} when it has no expiry.
     */
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
    void createMakesTheRoomExistForADay() {
        assertTrue(await(store.create(room, clock.instant())));
        assertTrue(await(store.exists(room)));
        assertTtl(DAY, roomKey());
        assertEquals(NO_KEY, pttl(socketsKey()), "no members, no set");
    }

    @Test
    void createRefusesAnExistingRoomWithoutTouchingItsTtl() {
        await(store.create(room, clock.instant()));
        elapse(Duration.ofHours(1));
        assertFalse(await(store.create(room, clock.instant())));
        assertTtl(Duration.ofHours(23), roomKey());
    }

    @Test
    void aRoomStopsExistingWhenItsTtlRunsOut() {
        await(store.create(room, clock.instant()));
        elapse(DAY.minusSeconds(1));
        assertTrue(await(store.exists(room)));
        elapse(Duration.ofSeconds(1));
        assertFalse(await(store.exists(room)));
        assertEquals(NO_KEY, pttl(roomKey()));
    }

    @Test
    void bindSetsTheBindingForTwentyFiveHoursAndAddsTheMemberWithoutATtlOnTheSet() {
        await(store.create(room, clock.instant()));
        await(store.bind(a, room));
        assertEquals(room, await(store.boundRoom(a)));
        assertEquals(Set.of(a), await(store.members(room)));
        assertTtl(BINDING, "socket:" + a);
        assertEquals(NO_EXPIRY, pttl(socketsKey()), "SADD makes a set without a TTL; only refresh sets one");
    }

    @Test
    void aBindingExpiresAfterItsTtl() {
        await(store.create(room, clock.instant()));
        await(store.bind(a, room));
        elapse(BINDING);
        assertNull(await(store.boundRoom(a)));
    }

    @Test
    void refreshResetsTheRoomAndItsMemberSetToADay() {
        await(store.create(room, clock.instant()));
        await(store.bind(a, room));
        elapse(Duration.ofHours(20));
        await(store.refresh(room));
        assertTtl(DAY, roomKey());
        assertTtl(DAY, socketsKey());
    }

    @Test
    void refreshOfAMissingRoomCreatesNothing() {
        await(store.refresh(room));
        assertFalse(await(store.exists(room)));
        assertEquals(NO_KEY, pttl(roomKey()));
        assertEquals(NO_KEY, pttl(socketsKey()));
    }

    @Test
    void createExpiresAMemberSetLeftOverFromAnExpiredRoom() {
        await(store.create(room, clock.instant()));
        await(store.bind(a, room));
        elapse(DAY);
        assertFalse(await(store.exists(room)));
        assertEquals(NO_EXPIRY, pttl(socketsKey()));
        assertTrue(await(store.create(room, clock.instant())));
        assertTtl(DAY, socketsKey());
        assertEquals(Set.of(a), await(store.members(room)));
    }

    @Test
    void theLastUnbindLeavesTheRoomFifteenMinutesAndRemovesItsKeys() {
        await(store.create(room, clock.instant()));
        await(store.bind(a, room));
        await(store.refresh(room));
        assertEquals(0, await(store.unbind(a, room)));
        long roomTtl = pttl(roomKey());
        assertTrue(roomTtl > 0 && roomTtl <= GRACE.toMillis(), "room TTL " + roomTtl + " ms (expected: <= 900 s)");
        assertEquals(NO_KEY, pttl(socketsKey()), "an empty set is deleted");
        assertEquals(NO_KEY, pttl("socket:" + a));
        assertNull(await(store.boundRoom(a)));
        assertEquals(Set.of(), await(store.members(room)));
        assertTrue(await(store.exists(room)));
        elapse(GRACE);
        assertFalse(await(store.exists(room)));
    }

    @Test
    void unbindingOneOfTwoKeepsTheRoomTtlAndCountsTheRest() {
        await(store.create(room, clock.instant()));
        await(store.bind(a, room));
        await(store.bind(b, room));
        await(store.refresh(room));
        elapse(Duration.ofHours(1));
        assertEquals(1, await(store.unbind(a, room)));
        assertTtl(Duration.ofHours(23), roomKey());
        assertEquals(Set.of(b), await(store.members(room)));
        assertEquals(room, await(store.boundRoom(b)));
    }

    @Test
    void unbindingFromARoomWithNoMembersStartsTheGrace() {
        await(store.create(room, clock.instant()));
        assertEquals(0, await(store.unbind(a, room)));
        long roomTtl = pttl(roomKey());
        assertTrue(roomTtl > 0 && roomTtl <= GRACE.toMillis(), "room TTL " + roomTtl + " ms");
    }

    @Test
    void membersOfAMissingRoomAreNone() {
        assertEquals(Set.of(), await(store.members(room)));
        assertNull(await(store.boundRoom(a)));
    }

    @Test
    void countFollowsCreationAndExpiry() {
        int before = await(store.count());
        await(store.create(room, clock.instant()));
        await(store.create(room + "-2", clock.instant()));
        assertEquals(before + 2, await(store.count()));
        elapse(DAY);
        assertEquals(before, await(store.count()));
    }

    private String roomKey() {
        return "room:" + room;
    }

    private String socketsKey() {
        return "room:" + room + ":sockets";
    }

    /** A TTL of {@code expected}, allowing a remote backend's clock a few seconds of progress. */
    private void assertTtl(Duration expected, String key) {
        long actual = pttl(key);
        assertTrue(
                actual <= expected.toMillis() && actual > expected.toMillis() - 5000,
                key + ": PTTL " + actual + " ms (expected: " + expected + ")");
    }

    private static <T> T await(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }
}
