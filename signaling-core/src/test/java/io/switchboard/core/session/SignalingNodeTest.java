package io.switchboard.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.core.AppService;
import io.switchboard.core.CoreLimits;
import io.switchboard.core.SignalingNode;
import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.id.AppId;
import io.switchboard.core.id.NodeId;
import io.switchboard.core.id.RoomKey;
import io.switchboard.core.message.Command;
import io.switchboard.core.message.Event;
import io.switchboard.core.message.Member;
import io.switchboard.core.message.RawJson;
import io.switchboard.core.network.ClientAddress;
import io.switchboard.core.spi.memory.InMemoryStores;
import io.switchboard.core.testing.ManualScheduler;
import io.switchboard.core.testing.RecordingPeerSink;
import io.switchboard.core.testing.ScriptedIds;
import io.switchboard.core.testing.TestNode;
import io.switchboard.core.testing.TestNode.Connected;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignalingNodeTest {
    @Test
    void aFailingHandlerAnswersInternalAndAffectsNoOtherSession() {
        AppId app = new AppId("broken");
        SignalingNode node = new SignalingNode(
                new NodeId("n"),
                new InMemoryStores(),
                new SignalingNode.NodeServices(
                        Clock.systemUTC(), new ScriptedIds(), new ManualScheduler(), e -> {}, CoreLimits.DEFAULTS));
        node.register(app, new AppService() {
            @Override
            public void connected(Session session) {}

            @Override
            public void handle(Session session, Command command) {
                if (command instanceof Command.Register r && r.name().equals("boom")) {
                    throw new IllegalStateException("bug");
                }
                session.sink().send(new Event.RoomCreated("OK"));
            }

            @Override
            public void disconnected(Session session) {}

            @Override
            public int activeRooms() {
                return 0;
            }
        });
        RecordingPeerSink victim = new RecordingPeerSink();
        RecordingPeerSink bystander = new RecordingPeerSink();
        Session a = node.open(app, ClientAddress.UNKNOWN, "", "x", victim);
        Session b = node.open(app, ClientAddress.UNKNOWN, "", "x", bystander);
        node.handle(a, new Command.Register("boom"));
        node.handle(b, new Command.Register("fine"));
        node.handle(a, new Command.Register("fine"));
        assertEquals(List.of(new Event.Failed(ErrorCode.INTERNAL, null), new Event.RoomCreated("OK")), victim.events());
        assertEquals(List.of(new Event.RoomCreated("OK")), bystander.events());
    }

    @Test
    void peersOnTwoNodesSharingAStoreSignalEachOtherThroughTheBus() {
        InMemoryStores shared = new InMemoryStores();
        TestNode one = TestNode.create("node-1", shared);
        TestNode two = TestNode.create("node-2", shared);
        Connected host = one.connect("192.168.1.10");
        Connected guest = two.connect("192.168.1.11");
        one.node.handle(host.session(), new Command.CreateRoom());
        String code = ((Event.RoomCreated) host.sink().last()).code();
        two.node.handle(guest.session(), new Command.JoinRoom(code));
        assertInstanceOf(Event.PeerJoined.class, host.sink().last());
        one.node.handle(host.session(), new Command.Relay(RawJson.of("{\"sdp\":1}")));
        two.node.handle(guest.session(), new Command.Relay(RawJson.of("{\"sdp\":2}")));
        assertEquals(
                new Event.SignalRelayed(host.session().id(), RawJson.of("{\"sdp\":1}")),
                guest.sink().last());
        assertEquals(
                new Event.SignalRelayed(guest.session().id(), RawJson.of("{\"sdp\":2}")),
                host.sink().last());
        two.node.closed(guest.session());
        assertEquals(new Event.PeerLeft(guest.session().id()), host.sink().last());
    }

    @Test
    void closingASessionTwiceIsHarmless() {
        TestNode t = TestNode.create();
        Connected a = t.connect("10.0.0.1");
        t.node.closed(a.session());
        t.node.closed(a.session());
        assertEquals(1, t.events("client:disconnected").size());
        assertTrue(t.node.sessions().all().isEmpty());
    }

    @Test
    void aFlightPartnerOnADeadNodeIsReportedAsLeftAndLeavesTheStoredFlight() {
        InMemoryStores shared = new InMemoryStores();
        TestNode one = TestNode.create("node-1", shared);
        TestNode two = TestNode.create("node-2", shared);
        Connected host = one.connect("192.168.1.10");
        Connected guest = two.connect("192.168.1.11");
        one.node.handle(host.session(), new Command.CreateRoom());
        String code = ((Event.RoomCreated) host.sink().last()).code();
        two.node.handle(guest.session(), new Command.JoinRoom(code));

        one.node.nodeLost(two.node.id());

        assertEquals(new Event.PeerLeft(guest.session().id()), host.sink().last());
        assertTrue(host.session().peers().isEmpty());
        RoomKey room = host.session().room();
        assertEquals(
                List.of(host.session().id()),
                shared.rooms().members(room).toCompletableFuture().join().stream()
                        .map(Member::id)
                        .toList());
    }

    @Test
    void losingAnotherNodeLeavesSessionsWithPeersElsewhereAlone() {
        InMemoryStores shared = new InMemoryStores();
        TestNode one = TestNode.create("node-1", shared);
        TestNode two = TestNode.create("node-2", shared);
        Connected host = one.connect("192.168.1.10");
        Connected guest = two.connect("192.168.1.11");
        one.node.handle(host.session(), new Command.CreateRoom());
        String code = ((Event.RoomCreated) host.sink().last()).code();
        two.node.handle(guest.session(), new Command.JoinRoom(code));
        Event before = host.sink().last();

        one.node.nodeLost(new NodeId("node-3"));
        one.node.nodeLost(one.node.id());

        assertEquals(before, host.sink().last());
        assertEquals(1, host.session().peers().size());
    }
}
