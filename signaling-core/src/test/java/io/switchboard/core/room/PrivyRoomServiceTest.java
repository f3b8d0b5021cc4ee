package io.switchboard.core.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.core.CoreLimits;
import io.switchboard.core.id.RoomKey;
import io.switchboard.core.message.AnnounceKind;
import io.switchboard.core.message.Command;
import io.switchboard.core.message.Event;
import io.switchboard.core.message.RawJson;
import io.switchboard.core.message.SignalKind;
import io.switchboard.core.room.PrivyRoomService.CreateOutcome;
import io.switchboard.core.room.PrivyRoomService.LeaveOutcome;
import io.switchboard.core.spi.CounterStore;
import io.switchboard.core.spi.LeaseTimes;
import io.switchboard.core.spi.LeasedRoomStore;
import io.switchboard.core.spi.NetworkPresenceStore;
import io.switchboard.core.spi.NodeBus;
import io.switchboard.core.spi.RateLimitStore;
import io.switchboard.core.spi.RoomStore;
import io.switchboard.core.spi.SessionDirectory;
import io.switchboard.core.spi.Stores;
import io.switchboard.core.spi.memory.InMemoryStores;
import io.switchboard.core.testing.MutableClock;
import io.switchboard.core.testing.TestNode;
import io.switchboard.core.testing.TestNode.Connected;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class PrivyRoomServiceTest {
    private static final RawJson SDP = RawJson.of("{\"type\":\"offer\",\"sdp\":\"v=0\"}");

    private final TestNode t = TestNode.privyDrop(PrivyDropPolicy.DEFAULTS);
    private int nextHost = 1;

    @Test
    void joiningAnExistingRoomAnswersSuccessAndTellsTheOthersTheJoinerIsReady() {
        Connected host = joined("1234");
        Connected guest = t.connectPrivy("203.0.113.9");
        t.node.handle(guest.session(), new Command.JoinRoom("1234"));
        assertEquals(
                new Event.JoinAnswer(true, "Successfully joined room", "1234", null),
                guest.sink().last());
        assertEquals(
                List.of(new Event.PeerReady(guest.session().id())), host.sink().events(Event.PeerReady.class));
        assertEquals(List.of(), guest.sink().events(Event.PeerReady.class));
        assertEquals(new RoomKey(TestNode.PRIVYDROP, "1234"), guest.session().room());
    }

    @Test
    void aRejoinIsExemptFromTheRateLimitAndStillSendsReady() {
        createRoom("1234");
        Connected a = join(t.connectPrivy("198.51.100.7"), "1234");
        Connected b = join(t.connectPrivy("198.51.100.7"), "1234");
        t.node.handle(a.session(), new Command.JoinRoom("1234"));
        assertEquals(
                new Event.JoinAnswer(true, "Successfully joined room", "1234", null),
                a.sink().last());
        assertEquals(new Event.PeerReady(a.session().id()), b.sink().last());
        Connected c = t.connectPrivy("198.51.100.7");
        t.node.handle(c.session(), new Command.JoinRoom("1234"));
        assertFalse(answer(c).success(), "the rejoin used no attempt, so this is the third");
    }

    @Test
    void aThirdFreshJoinFromOneAddressWithinFiveSecondsIsRefused() {
        createRoom("1234");
        join(t.connectPrivy("198.51.100.7"), "1234");
        join(t.connectPrivy("198.51.100.7"), "1234");
        Connected third = t.connectPrivy("198.51.100.7");
        t.node.handle(third.session(), new Command.JoinRoom("1234"));
        assertEquals(
                new Event.JoinAnswer(false, "Rate limit exceeded. Try again in 5s. Attempts left: 0.", "1234", null),
                third.sink().last());
        assertNull(third.session().room());
        t.clock.advance(Duration.ofSeconds(6));
        join(third, "1234");
    }

    @Test
    void theJoinRateLimitCanBeTurnedOff() {
        TestNode open = TestNode.privyDrop(new PrivyDropPolicy(false, 2, Duration.ofSeconds(5), LeaseTimes.PRIVYDROP));
        await(open.privy.createRoom("1234"));
        for (int i = 0; i < 5; i++) {
            Connected c = open.connectPrivy("198.51.100.7");
            open.node.handle(c.session(), new Command.JoinRoom("1234"));
            assertTrue(answer(c).success());
        }
    }

    @Test
    void aBoundSessionCannotJoinAnotherRoom() {
        Connected a = joined("1234");
        createRoom("5678");
        t.node.handle(a.session(), new Command.JoinRoom("5678"));
        assertEquals(
                new Event.JoinAnswer(false, "Socket is already bound to another room", "5678", null),
                a.sink().last());
        assertEquals("1234", a.session().room().code());
    }

    @Test
    void joiningAMissingRoomFails() {
        Connected a = t.connectPrivy("203.0.113.9");
        t.node.handle(a.session(), new Command.JoinRoom("9999"));
        assertEquals(
                new Event.JoinAnswer(false, "Room does not exist", "9999", null),
                a.sink().last());
        assertNull(a.session().room());
        assertNull(await(t.node.stores().leasedRooms().boundRoom(a.session().id())));
    }

    @Test
    void anInvalidRoomIdIsRefusedWithoutARoomId() {
        Connected a = t.connectPrivy("203.0.113.9");
        for (String bad : List.of("", "x".repeat(65), "a\nb", "a\u0000", "1234:sockets")) {
            t.node.handle(a.session(), new Command.JoinRoom(bad));
            assertEquals(
                    new Event.JoinAnswer(false, "Invalid room ID", null, null),
                    a.sink().last(),
                    bad);
            assertFalse(PrivyRoomService.isValidRoomId(bad), bad);
        }
        assertTrue(PrivyRoomService.isValidRoomId("x".repeat(64)));
        assertFalse(PrivyRoomService.isValidRoomId(null));
    }

    @Test
    void offersAnswersAndCandidatesReachABoundPeerOfTheSameRoomFromTheAuthenticatedSender() {
        Connected host = joined("1234");
        Connected guest = joined("1234");
        for (SignalKind kind : SignalKind.values()) {
            t.node.handle(
                    host.session(),
                    new Command.SignalPeer(kind, guest.session().id().value(), SDP));
            assertEquals(
                    new Event.PeerSignal(kind, host.session().id(), SDP),
                    guest.sink().last());
        }
        t.node.handle(
                guest.session(),
                new Command.SignalPeer(SignalKind.ANSWER, host.session().id().value(), SDP));
        assertEquals(
                new Event.PeerSignal(SignalKind.ANSWER, guest.session().id(), SDP),
                host.sink().last());
        assertEquals(0, t.privy.droppedCount());
    }

    @Test
    void aSignalToASessionOfAnotherRoomIsDropped() {
        Connected a = joined("1234");
        Connected b = joined("5678");
        b.sink().clear();
        t.node.handle(
                a.session(),
                new Command.SignalPeer(SignalKind.OFFER, b.session().id().value(), SDP));
        assertEquals(List.of(), b.sink().events());
        assertEquals(List.of(), a.sink().events(Event.PeerSignal.class));
        assertEquals(1, t.privy.droppedCount());
    }

    @Test
    void aSignalToAnUnknownOrMalformedPeerIsDropped() {
        Connected a = joined("1234");
        for (String target : List.of("nobody", "", "x".repeat(65))) {
            t.node.handle(a.session(), new Command.SignalPeer(SignalKind.ICE_CANDIDATE, target, SDP));
        }
        assertEquals(3, t.privy.droppedCount());
    }

    @Test
    void anOversizedSignalIsDropped() {
        Connected host = joined("1234");
        Connected guest = joined("1234");
        guest.sink().clear();
        RawJson huge = RawJson.of("\"" + "x".repeat(CoreLimits.DEFAULTS.maxSignalBytes()) + "\"");
        t.node.handle(
                host.session(),
                new Command.SignalPeer(SignalKind.OFFER, guest.session().id().value(), huge));
        assertEquals(List.of(), guest.sink().events());
        assertEquals(1, t.privy.droppedCount());
    }

    @Test
    void aSignalFromASessionInNoRoomIsDropped() {
        Connected member = joined("1234");
        member.sink().clear();
        Connected outsider = t.connectPrivy("203.0.113.50");
        t.node.handle(
                outsider.session(),
                new Command.SignalPeer(SignalKind.OFFER, member.session().id().value(), SDP));
        assertEquals(List.of(), member.sink().events());
        assertEquals(1, t.privy.droppedCount());
    }

    @Test
    void announcementsGoToTheOtherMembersWithTheAnnouncerAsPeer() {
        Connected a = joined("1234");
        Connected b = joined("1234");
        Connected c = joined("1234");
        Connected elsewhere = joined("5678");
        t.node.handle(c.session(), new Command.Announce(AnnounceKind.RECIPIENT_READY, "1234"));
        Event expected = new Event.Announcement(
                AnnounceKind.RECIPIENT_READY, "1234", c.session().id());
        assertEquals(expected, a.sink().last());
        assertEquals(expected, b.sink().last());
        assertEquals(List.of(), c.sink().events(Event.Announcement.class));
        assertEquals(List.of(), elsewhere.sink().events(Event.Announcement.class));
    }

    @Test
    void anAnnouncementForARoomTheSenderIsNotInIsDropped() {
        Connected a = joined("1234");
        Connected b = joined("5678");
        t.node.handle(a.session(), new Command.Announce(AnnounceKind.INITIATOR_ONLINE, "5678"));
        t.node.handle(
                t.connectPrivy("203.0.113.50").session(), new Command.Announce(AnnounceKind.INITIATOR_ONLINE, "5678"));
        assertEquals(List.of(), b.sink().events(Event.Announcement.class));
        assertEquals(2, t.privy.droppedCount());
    }

    @Test
    void disconnectingTellsTheOthersAndTheLastOneLeavesTheRoomFifteenMinutes() {
        Connected a = joined("1234");
        Connected b = joined("1234");
        t.node.closed(b.session());
        assertEquals(new Event.PeerLeft(b.session().id()), a.sink().last());
        assertNull(await(t.node.stores().leasedRooms().boundRoom(b.session().id())));
        t.node.closed(a.session());
        t.clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertFalse(await(t.privy.isAvailable("1234")));
        t.clock.advance(Duration.ofSeconds(1));
        assertTrue(await(t.privy.isAvailable("1234")), "an empty room lives 15 minutes");
    }

    @Test
    void aRestLeaveTellsTheOthersButNotTheLeaverAndTheLeaverStopsHearingTheRoom() {
        Connected a = joined("1234");
        Connected b = joined("1234");
        a.sink().clear();
        b.sink().clear();
        assertEquals(
                LeaveOutcome.LEFT, await(t.privy.leave("1234", b.session().id().value())));
        assertEquals(List.of(new Event.PeerLeft(b.session().id())), a.sink().events());
        assertEquals(List.of(), b.sink().events());
        assertNull(b.session().room());
        assertNull(await(t.node.stores().leasedRooms().boundRoom(b.session().id())));
        t.node.handle(a.session(), new Command.Announce(AnnounceKind.INITIATOR_ONLINE, "1234"));
        assertEquals(List.of(), b.sink().events());
        createRoom("5678");
        join(b, "5678");
        assertEquals(new RoomKey(TestNode.PRIVYDROP, "5678"), b.session().room());
    }

    @Test
    void aRestLeaveOfTheLastMemberLeavesTheRoomFifteenMinutes() {
        Connected a = joined("1234");
        assertEquals(
                LeaveOutcome.LEFT, await(t.privy.leave("1234", a.session().id().value())));
        t.clock.advance(Duration.ofMinutes(15));
        assertTrue(await(t.privy.isAvailable("1234")));
    }

    @Test
    void aRestLeaveOfAMissingRoomChangesNothing() {
        assertEquals(LeaveOutcome.NO_SUCH_ROOM, await(t.privy.leave("9999", "someone")));
    }

    @Test
    void aRestLeaveWithInvalidIdsFails() {
        assertFailsWith(IllegalArgumentException.class, t.privy.leave("1234:sockets", "someone"));
        assertFailsWith(IllegalArgumentException.class, t.privy.leave("1234", ""));
    }

    @Test
    void allocateRoomCreatesAFourDigitRoom() {
        String roomId = await(t.privy.allocateRoom());
        assertTrue(roomId.matches("[0-9]{4}"), roomId);
        assertFalse(await(t.privy.isAvailable(roomId)));
    }

    @Test
    void allocateRoomFallsBackToLettersAfterTenTakenNumbers() {
        createRoom("1234");
        t.ids.then("1234", "1234", "1234", "1234", "1234", "1234", "1234", "1234", "1234", "1234", "aB3x");
        assertEquals("aB3x", await(t.privy.allocateRoom()));
    }

    @Test
    void allocateRoomFailsAfterSixtyTakenIds() {
        createRoom("1234");
        for (int i = 0; i < 60; i++) {
            t.ids.then("1234");
        }
        Throwable failure = assertFailsWith(IllegalStateException.class, t.privy.allocateRoom());
        assertEquals("Failed to generate a unique room ID.", failure.getMessage());
    }

    @Test
    void createRoomAllowsRecreatingOnlyLongIds() {
        assertEquals(CreateOutcome.CREATED, await(t.privy.createRoom("4321")));
        assertEquals(CreateOutcome.EXISTS, await(t.privy.createRoom("4321")));
        assertEquals(CreateOutcome.CREATED, await(t.privy.createRoom("cachedid")));
        assertEquals(CreateOutcome.EXISTS_REJOIN_ALLOWED, await(t.privy.createRoom("cachedid")));
        assertFailsWith(IllegalArgumentException.class, t.privy.createRoom(""));
    }

    @Test
    void recreatingAnExistingRoomDoesNotExtendIt() {
        createRoom("cachedid");
        t.clock.advance(Duration.ofHours(23));
        assertEquals(CreateOutcome.EXISTS_REJOIN_ALLOWED, await(t.privy.createRoom("cachedid")));
        t.clock.advance(Duration.ofHours(1));
        assertTrue(await(t.privy.isAvailable("cachedid")));
    }

    @Test
    void aJoinKeepsTheRoomForAnotherDay() {
        createRoom("1234");
        t.clock.advance(Duration.ofHours(23));
        join(t.connectPrivy("203.0.113.9"), "1234");
        t.clock.advance(Duration.ofHours(23));
        assertFalse(await(t.privy.isAvailable("1234")));
    }

    @Test
    void isAvailableIsTrueOnlyForAMissingRoom() {
        assertTrue(await(t.privy.isAvailable("1234")));
        createRoom("1234");
        assertFalse(await(t.privy.isAvailable("1234")));
        assertFailsWith(IllegalArgumentException.class, t.privy.isAvailable("a\tb"));
    }

    @Test
    void trackReferrerCountsPerUtcDay() {
        await(t.privy.trackReferrer("producthunt", Instant.parse("2026-11-24T01:30:00Z")));
        await(t.privy.trackReferrer("producthunt", Instant.parse("2026-11-24T23:59:59Z")));
        await(t.privy.trackReferrer("twitter", Instant.parse("2026-11-23T23:59:59Z")));
        assertEquals(2L, await(t.node.stores().counters().get("referrers:daily:2026-11-24", "producthunt")));
        assertEquals(1L, await(t.node.stores().counters().get("referrers:daily:2026-11-23", "twitter")));
    }

    @Test
    void activeRoomsCountsTheRooms() {
        assertEquals(0, t.privy.activeRooms());
        createRoom("1234");
        createRoom("5678");
        assertEquals(2, t.privy.activeRooms());
        t.clock.advance(Duration.ofHours(24));
        assertEquals(0, t.privy.activeRooms());
    }

    @Test
    void unsupportedCommandsAreDropped() {
        Connected a = joined("1234");
        a.sink().clear();
        t.node.handle(a.session(), new Command.Relay(SDP));
        t.node.handle(a.session(), new Command.CreateRoom());
        assertEquals(List.of(), a.sink().events());
        assertEquals(2, t.privy.droppedCount());
    }

    @Test
    void signalsAndReadinessCrossNodesSharingOneStore() {
        MutableClock clock = new MutableClock();
        InMemoryStores shared = new InMemoryStores(clock);
        TestNode one = TestNode.privyDrop("node-1", shared, clock);
        TestNode two = TestNode.privyDrop("node-2", shared, clock);
        await(one.privy.createRoom("1234"));
        Connected a = joinOn(one, one.connectPrivy("203.0.113.1"), "1234");
        Connected b = joinOn(two, two.connectPrivy("203.0.113.2"), "1234");
        assertEquals(new Event.PeerReady(b.session().id()), a.sink().last());
        two.node.handle(
                b.session(),
                new Command.SignalPeer(SignalKind.OFFER, a.session().id().value(), SDP));
        assertEquals(
                new Event.PeerSignal(SignalKind.OFFER, b.session().id(), SDP),
                a.sink().last());
        one.node.handle(a.session(), new Command.Announce(AnnounceKind.INITIATOR_ONLINE, "1234"));
        assertEquals(
                new Event.Announcement(
                        AnnounceKind.INITIATOR_ONLINE, "1234", a.session().id()),
                b.sink().last());
        one.node.closed(a.session());
        assertEquals(new Event.PeerLeft(a.session().id()), b.sink().last());
    }

    @Test
    void theSurvivorCleaningUpADeadNodeUnbindsItsSessionsAndTellsTheirRooms() {
        MutableClock clock = new MutableClock();
        InMemoryStores shared = new InMemoryStores(clock);
        TestNode one = TestNode.privyDrop("node-1", shared, clock);
        TestNode two = TestNode.privyDrop("node-2", shared, clock);
        await(one.privy.createRoom("1234"));
        Connected a = joinOn(one, one.connectPrivy("203.0.113.1"), "1234");
        Connected b = joinOn(two, two.connectPrivy("203.0.113.2"), "1234");

        one.node.cleanUpAfter(two.node.id(), List.of(b.session().id()));

        assertEquals(new Event.PeerLeft(b.session().id()), a.sink().last());
        assertNull(await(shared.leasedRooms().boundRoom(b.session().id())));
        assertEquals(Set.of(a.session().id()), await(shared.leasedRooms().members("1234")));
        assertNull(await(shared.directory().nodeOf(b.session().id())));
    }

    @Test
    void aStreamOfSignalsToOnePeerChecksTheTargetInTheStoreOnceAndAgainAfterFiveSeconds() {
        AtomicInteger checks = new AtomicInteger();
        TestNode counted = countingBoundRoom(checks);
        Connected a = countedPeerIn(counted, "1234", "10.2.0.1");
        Connected b = countedPeerIn(counted, "1234", "10.2.0.2");
        int before = checks.get();
        for (int i = 0; i < 10; i++) {
            signal(counted, a, b, SignalKind.ICE_CANDIDATE);
        }
        assertEquals(10, b.sink().events(Event.PeerSignal.class).size());
        assertEquals(before + 1, checks.get());
        counted.clock.advance(Duration.ofMillis(5_001));
        signal(counted, a, b, SignalKind.ICE_CANDIDATE);
        assertEquals(11, b.sink().events(Event.PeerSignal.class).size());
        assertEquals(before + 2, checks.get());
    }

    @Test
    void aSignalAfterTheTargetLeftIsCheckedAgainAndDroppedEvenIfTheTargetJoinedAnotherRoom() {
        AtomicInteger checks = new AtomicInteger();
        TestNode counted = countingBoundRoom(checks);
        Connected a = countedPeerIn(counted, "1234", "10.2.0.1");
        Connected b = countedPeerIn(counted, "1234", "10.2.0.2");
        signal(counted, a, b, SignalKind.OFFER);
        assertEquals(1, b.sink().events(Event.PeerSignal.class).size());
        assertEquals(
                LeaveOutcome.LEFT,
                await(counted.privy.leave("1234", b.session().id().value())));
        assertEquals(CreateOutcome.CREATED, await(counted.privy.createRoom("5678")));
        joinOn(counted, b, "5678");
        int before = checks.get();
        signal(counted, a, b, SignalKind.OFFER);
        assertEquals(before + 1, checks.get(), "the PeerLeft forgot the earlier check");
        assertEquals(1, b.sink().events(Event.PeerSignal.class).size());
        assertEquals(1, counted.privy.droppedCount());
    }

    /** A session of {@code node} from {@code address}, joined to {@code roomId}, which is created if needed. */
    private static Connected countedPeerIn(TestNode node, String roomId, String address) {
        if (await(node.privy.isAvailable(roomId))) {
            assertEquals(CreateOutcome.CREATED, await(node.privy.createRoom(roomId)));
        }
        return joinOn(node, node.connectPrivy(address), roomId);
    }

    private static void signal(TestNode node, Connected from, Connected to, SignalKind kind) {
        node.node.handle(
                from.session(), new Command.SignalPeer(kind, to.session().id().value(), SDP));
    }

    /** A PrivyDrop node whose leased-room store counts its {@code boundRoom} calls in {@code checks}. */
    private static TestNode countingBoundRoom(AtomicInteger checks) {
        MutableClock clock = new MutableClock();
        Stores stores = new LeasedRoomsOverride(clock, delegate -> (LeasedRoomStore) Proxy.newProxyInstance(
                LeasedRoomStore.class.getClassLoader(),
                new Class<?>[] {LeasedRoomStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("boundRoom")) {
                        checks.incrementAndGet();
                    }
                    return method.invoke(delegate, args);
                }));
        return TestNode.privyDrop("node-c", stores, clock);
    }

    @Test
    void aStoreFailureAnswersTheJoinWithAServerErrorAndNoRoomId() {
        TestNode broken = TestNode.create(
                "node-b",
                new LeasedRoomsOverride(new MutableClock(), delegate -> (LeasedRoomStore) Proxy.newProxyInstance(
                        LeasedRoomStore.class.getClassLoader(),
                        new Class<?>[] {LeasedRoomStore.class},
                        (proxy, method, args) ->
                                CompletableFuture.failedFuture(new IllegalStateException("store down")))));
        Connected a = broken.connectPrivy("203.0.113.9");
        broken.node.handle(a.session(), new Command.JoinRoom("1234"));
        assertEquals(
                new Event.JoinAnswer(false, "Server error while joining room", null, "store down"),
                a.sink().last());
        a.session().room(new RoomKey(TestNode.PRIVYDROP, "1234"));
        broken.node.handle(a.session(), new Command.SignalPeer(SignalKind.OFFER, "someone", SDP));
        broken.node.handle(a.session(), new Command.Announce(AnnounceKind.INITIATOR_ONLINE, "1234"));
        broken.node.closed(a.session());
        assertEquals(1, broken.privy.droppedCount());
        assertFailsWith(IllegalStateException.class, broken.privy.allocateRoom());
        assertFailsWith(IllegalStateException.class, broken.privy.leave("1234", "someone"));
    }

    /** A fresh session from its own address, joined to {@code roomId}, which is created if needed. */
    private Connected joined(String roomId) {
        if (await(t.privy.isAvailable(roomId))) {
            createRoom(roomId);
        }
        return join(t.connectPrivy("10.1.0." + nextHost++), roomId);
    }

    private Connected join(Connected c, String roomId) {
        return joinOn(t, c, roomId);
    }

    /** Joins {@code c} (a session of {@code node}) to {@code roomId} and checks that it succeeded. */
    private static Connected joinOn(TestNode node, Connected c, String roomId) {
        node.node.handle(c.session(), new Command.JoinRoom(roomId));
        assertEquals(new Event.JoinAnswer(true, "Successfully joined room", roomId, null), answer(c));
        return c;
    }

    private void createRoom(String roomId) {
        assertEquals(CreateOutcome.CREATED, await(t.privy.createRoom(roomId)));
    }

    private static Event.JoinAnswer answer(Connected c) {
        List<Event.JoinAnswer> answers = c.sink().events(Event.JoinAnswer.class);
        return answers.get(answers.size() - 1);
    }

    /** The in-memory backend with its leased-room store replaced (a broken one, a counting one). */
    private static final class LeasedRoomsOverride implements Stores {
        private final InMemoryStores delegate;
        private final LeasedRoomStore leasedRooms;

        LeasedRoomsOverride(MutableClock clock, UnaryOperator<LeasedRoomStore> override) {
            this.delegate = new InMemoryStores(clock);
            this.leasedRooms = override.apply(delegate.leasedRooms());
        }

        @Override
        public RoomStore rooms() {
            return delegate.rooms();
        }

        @Override
        public NodeBus bus() {
            return delegate.bus();
        }

        @Override
        public SessionDirectory directory() {
            return delegate.directory();
        }

        @Override
        public LeasedRoomStore leasedRooms() {
            return leasedRooms;
        }

        @Override
        public RateLimitStore rateLimits() {
            return delegate.rateLimits();
        }

        @Override
        public CounterStore counters() {
            return delegate.counters();
        }

        @Override
        public NetworkPresenceStore presence() {
            return delegate.presence();
        }

        @Override
        public boolean isHealthy() {
            return delegate.isHealthy();
        }

        @Override
        public void close() {}
    }

    private static <T> T await(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    private static Throwable assertFailsWith(Class<? extends Throwable> type, CompletionStage<?> stage) {
        CompletionException thrown = assertThrows(
                CompletionException.class, () -> stage.toCompletableFuture().join());
        return assertInstanceOf(type, thrown.getCause());
    }
}
