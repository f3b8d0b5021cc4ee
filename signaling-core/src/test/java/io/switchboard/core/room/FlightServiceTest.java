package io.switchboard.core.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.message.Command;
import io.switchboard.core.message.Event;
import io.switchboard.core.message.RawJson;
import io.switchboard.core.network.ConnectionType;
import io.switchboard.core.testing.TestNode;
import io.switchboard.core.testing.TestNode.Connected;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlightServiceTest {
    private final TestNode t = TestNode.create();

    @Test
    void aNewSessionIsToldItsIdFirst() {
        Connected a = t.connect("192.168.1.10");
        assertEquals(new Event.Registered(a.session().id()), a.sink().events().get(0));
    }

    @Test
    void createFlightAnswersWithASixCharacterCodeFromTheUnambiguousAlphabet() {
        Connected a = t.connect("192.168.1.10");
        t.node.handle(a.session(), new Command.CreateRoom());
        Event.RoomCreated created =
                assertInstanceOf(Event.RoomCreated.class, a.sink().last());
        assertTrue(created.code().matches("[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{6}"), created.code());
    }

    @Test
    void aCodeCollisionIsRetriedWithAFreshCode() {
        Connected a = t.connect("192.168.1.10");
        Connected b = t.connect("192.168.1.11");
        t.ids.then("AAAAAA");
        t.node.handle(a.session(), new Command.CreateRoom());
        t.ids.then("AAAAAA", "BBBBBB");
        t.node.handle(b.session(), new Command.CreateRoom());
        assertEquals(new Event.RoomCreated("BBBBBB"), b.sink().last());
    }

    @Test
    void joiningTellsBothMembersJoinerFirstWithLanForTheSameSubnet() {
        Connected host = t.connect("192.168.1.10");
        Connected guest = t.connect("192.168.1.20");
        String code = createFlight(host);
        host.sink().clear();
        t.node.handle(guest.session(), new Command.JoinRoom(code.toLowerCase(java.util.Locale.ROOT)));
        Event.PeerJoined toGuest =
                assertInstanceOf(Event.PeerJoined.class, guest.sink().last());
        Event.PeerJoined toHost =
                assertInstanceOf(Event.PeerJoined.class, host.sink().last());
        assertEquals(host.session().id(), toGuest.peer().id());
        assertEquals(guest.session().id(), toHost.peer().id());
        assertEquals(ConnectionType.LAN, toHost.connectionType());
        assertEquals(code, toHost.code());
    }

    @Test
    void peersOnDifferentPublicAddressesAreWan() {
        Connected host = t.connect("8.8.8.8");
        Connected guest = t.connect("1.1.1.1");
        t.node.handle(guest.session(), new Command.JoinRoom(createFlight(host)));
        assertEquals(ConnectionType.WAN, ((Event.PeerJoined) guest.sink().last()).connectionType());
    }

    @Test
    void joiningAMissingFlightFailsWithRoomNotFound() {
        Connected a = t.connect("192.168.1.10");
        t.node.handle(a.session(), new Command.JoinRoom("ZZZZZZ"));
        assertEquals(new Event.Failed(ErrorCode.ROOM_NOT_FOUND, null), a.sink().last());
        assertEquals("not_found", t.events("flight:error").get(0).field("error"));
    }

    @Test
    void aThirdJoinerFailsWithRoomFull() {
        Connected host = t.connect("192.168.1.10");
        String code = createFlight(host);
        t.node.handle(t.connect("192.168.1.11").session(), new Command.JoinRoom(code));
        Connected third = t.connect("192.168.1.12");
        t.node.handle(third.session(), new Command.JoinRoom(code));
        assertEquals(new Event.Failed(ErrorCode.ROOM_FULL, null), third.sink().last());
    }

    @Test
    void aMalformedCodeFailsWithInvalidRoomId() {
        Connected a = t.connect("192.168.1.10");
        for (String bad : List.of("", "ABC", "ABCDEFG", "ABC-12", "ÄBCDEF")) {
            t.node.handle(a.session(), new Command.JoinRoom(bad));
            assertEquals(
                    new Event.Failed(ErrorCode.INVALID_ROOM_ID, null), a.sink().last(), bad);
        }
    }

    @Test
    void aMemberCannotCreateOrJoinAnotherFlight() {
        Connected host = t.connect("192.168.1.10");
        String code = createFlight(host);
        t.node.handle(host.session(), new Command.CreateRoom());
        assertEquals(
                new Event.Failed(ErrorCode.ALREADY_IN_ROOM, null), host.sink().last());
        t.node.handle(host.session(), new Command.JoinRoom(code));
        assertEquals(
                new Event.Failed(ErrorCode.ALREADY_IN_ROOM, null), host.sink().last());
    }

    @Test
    void signalsGoToTheOtherMemberOnlyWithTheirBytesUnchanged() {
        Connected host = t.connect("192.168.1.10");
        Connected guest = t.connect("192.168.1.20");
        t.node.handle(guest.session(), new Command.JoinRoom(createFlight(host)));
        host.sink().clear();
        guest.sink().clear();
        RawJson sdp = RawJson.of("{\"sdp\":{\"type\":\"offer\",\"sdp\":\"v=0\"}}");
        t.node.handle(host.session(), new Command.Relay(sdp));
        assertEquals(
                List.of(new Event.SignalRelayed(host.session().id(), sdp)),
                guest.sink().events());
        assertEquals(List.of(), host.sink().events());
    }

    @Test
    void aSignalOutsideAFlightIsDropped() {
        Connected a = t.connect("192.168.1.10");
        a.sink().clear();
        t.node.handle(a.session(), new Command.Relay(RawJson.of("{}")));
        assertEquals(List.of(), a.sink().events());
    }

    @Test
    void aSignalOverTheSizeLimitFailsWithMessageTooBig() {
        Connected host = t.connect("192.168.1.10");
        t.node.handle(t.connect("192.168.1.20").session(), new Command.JoinRoom(createFlight(host)));
        String big = "\"" + "x".repeat(64 * 1024) + "\"";
        t.node.handle(host.session(), new Command.Relay(RawJson.of(big)));
        assertEquals(
                new Event.Failed(ErrorCode.MESSAGE_TOO_BIG, null), host.sink().last());
    }

    @Test
    void leavingTellsTheRemainingMemberAndEndsTheFlightWhenEmpty() {
        Connected host = t.connect("192.168.1.10");
        Connected guest = t.connect("192.168.1.20");
        String code = createFlight(host);
        t.node.handle(guest.session(), new Command.JoinRoom(code));
        t.node.closed(guest.session());
        assertEquals(new Event.PeerLeft(guest.session().id()), host.sink().last());
        assertEquals(List.of(), host.session().peers());
        assertEquals(1, t.flights.activeRooms());
        t.node.closed(host.session());
        assertEquals(0, t.flights.activeRooms());
        assertEquals(code, t.events("flight:ended").get(0).field("flightCode"));
    }

    @Test
    void theRemainingMemberKeepsItsFlightAndANewPeerCanJoinIt() {
        Connected host = t.connect("192.168.1.10");
        String code = createFlight(host);
        Connected first = t.connect("192.168.1.20");
        t.node.handle(first.session(), new Command.JoinRoom(code));
        t.node.closed(first.session());
        Connected second = t.connect("192.168.1.30");
        t.node.handle(second.session(), new Command.JoinRoom(code));
        assertEquals(
                host.session().id(),
                ((Event.PeerJoined) second.sink().last()).peer().id());
    }

    @Test
    void onlyAMemberOfTheFlightMayInvite() {
        Connected host = t.connect("192.168.1.10");
        String code = createFlight(host);
        Connected stranger = t.connect("192.168.1.11");
        Connected invitee = t.connect("192.168.1.12");
        t.node.handle(
                stranger.session(), new Command.Invite(invitee.session().id().value(), code));
        assertEquals(
                new Event.Failed(ErrorCode.NOT_A_MEMBER, null), stranger.sink().last());
        assertTrue(invitee.sink().events(Event.Invited.class).isEmpty());
    }

    @Test
    void invitationsReachOnlySessionsOnTheInvitersNetwork() {
        Connected host = t.connect("192.168.1.10");
        t.node.handle(host.session(), new Command.Register("Alice"));
        String code = createFlight(host);
        Connected elsewhere = t.connect("192.168.2.12");
        t.node.handle(
                host.session(), new Command.Invite(elsewhere.session().id().value(), code));
        assertEquals(
                new Event.Failed(ErrorCode.PEER_NOT_FOUND, null), host.sink().last());
        Connected neighbour = t.connect("192.168.1.12");
        t.node.handle(
                host.session(), new Command.Invite(neighbour.session().id().value(), code));
        assertEquals(new Event.Invited(code, "Alice"), neighbour.sink().last());
    }

    @Test
    void inviteesThatDoNotExistAreReportedNotFound() {
        Connected host = t.connect("192.168.1.10");
        String code = createFlight(host);
        for (String id : List.of("", "nobody", "x".repeat(100))) {
            t.node.handle(host.session(), new Command.Invite(id, code));
            assertEquals(
                    new Event.Failed(ErrorCode.PEER_NOT_FOUND, null),
                    host.sink().last(),
                    id);
        }
    }

    @Test
    void namesAreTrimmedAndValidated() {
        Connected a = t.connect("192.168.1.10");
        t.node.handle(a.session(), new Command.Register("  Swift Fox_1.2-3 "));
        assertEquals("Swift Fox_1.2-3", a.session().name());
        for (String bad : List.of("", "   ", "<img src=x>", "a".repeat(51), "tab\there", "\"quote\"")) {
            t.node.handle(a.session(), new Command.Register(bad));
            assertEquals(
                    new Event.Failed(ErrorCode.INVALID_NAME, null), a.sink().last(), bad);
        }
        assertEquals("Swift Fox_1.2-3", a.session().name());
    }

    @Test
    void commandsOverTheRateAreRefusedAndTheSessionStaysUsable() {
        TestNode slow = TestNode.create(new io.switchboard.core.CoreLimits(1, 3, 65536, 100, java.time.Duration.ZERO));
        Connected a = slow.connect("192.168.1.10");
        for (int i = 0; i < 3; i++) {
            slow.node.handle(a.session(), new Command.Register("Name" + i));
        }
        slow.node.handle(a.session(), new Command.Register("Late"));
        assertEquals(new Event.Failed(ErrorCode.RATE_LIMITED, null), a.sink().last());
        assertEquals("Name2", a.session().name());
        assertTrue(a.sink().isOpen());
    }

    @Test
    void aDisconnectIsReportedWithTheSignalsTheSessionSent() {
        Connected host = t.connect("192.168.1.10");
        Connected guest = t.connect("192.168.1.20");
        t.node.handle(guest.session(), new Command.JoinRoom(createFlight(host)));
        t.node.handle(host.session(), new Command.Relay(RawJson.of("1")));
        t.node.handle(host.session(), new Command.Relay(RawJson.of("2")));
        t.node.closed(host.session());
        assertEquals(2, t.events("client:disconnected").get(0).field("signalsSent"));
        assertNull(t.node.sessions().get(host.session().id()));
    }

    private String createFlight(Connected host) {
        t.node.handle(host.session(), new Command.CreateRoom());
        return ((Event.RoomCreated) host.sink().last()).code();
    }
}
