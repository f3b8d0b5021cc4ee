package io.switchboard.core.room;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.core.CoreLimits;
import io.switchboard.core.SignalingNode;
import io.switchboard.core.id.AppId;
import io.switchboard.core.id.NodeId;
import io.switchboard.core.message.Command;
import io.switchboard.core.message.Event;
import io.switchboard.core.message.RawJson;
import io.switchboard.core.message.SignalKind;
import io.switchboard.core.network.ClientAddress;
import io.switchboard.core.session.Session;
import io.switchboard.core.spi.memory.InMemoryStores;
import io.switchboard.core.telemetry.CoreMetrics;
import io.switchboard.core.telemetry.Telemetry;
import io.switchboard.core.testing.ManualScheduler;
import io.switchboard.core.testing.MutableClock;
import io.switchboard.core.testing.RecordingPeerSink;
import io.switchboard.core.testing.ScriptedIds;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RelayMetricsTest {
    private static final AppId PRIVYDROP = new AppId("privydrop");
    private static final RawJson SDP = RawJson.of("{\"type\":\"offer\",\"sdp\":\"v=0\"}");

    private final RecordingMetrics metrics = new RecordingMetrics();
    private final MutableClock clock = new MutableClock();
    private final SignalingNode node = new SignalingNode(
            new NodeId("node-a"),
            new InMemoryStores(clock),
            new SignalingNode.NodeServices(
                    clock, new ScriptedIds(), new ManualScheduler(), Telemetry.NOOP, CoreLimits.DEFAULTS, metrics));
    private final PrivyRoomService privy = new PrivyRoomService(PRIVYDROP, node, PrivyDropPolicy.DEFAULTS);

    RelayMetricsTest() {
        node.register(AppId.DROPSILK, new FlightService(AppId.DROPSILK, node));
        node.register(PRIVYDROP, privy);
    }

    @Test
    void aDropSilkSignalToThePeerIsCountedAndTimed() {
        Session host = open(AppId.DROPSILK, "192.168.1.10");
        Session guest = open(AppId.DROPSILK, "192.168.1.20");
        node.handle(host, new Command.CreateRoom());
        String code = ((RecordingPeerSink) host.sink())
                .events(Event.RoomCreated.class)
                .get(0)
                .code();
        node.handle(guest, new Command.JoinRoom(code));
        node.handle(host, new Command.Relay(SDP));
        assertEquals(Map.of("dropsilk/signal", 1), metrics.counts());
        assertEquals(1, metrics.timed(AppId.DROPSILK));
    }

    @Test
    void aSignalNobodyReceivesIsTimedButNotCounted() {
        Session alone = open(AppId.DROPSILK, "192.168.1.10");
        node.handle(alone, new Command.Relay(SDP));
        assertEquals(Map.of(), metrics.counts());
        assertEquals(1, metrics.timed(AppId.DROPSILK));
    }

    @Test
    void aPrivyDropSignalIsCountedByItsKindOnlyWhenItReachesAMemberOfTheRoom() {
        await(privy.createRoom("1234"));
        Session a = open(PRIVYDROP, "10.1.0.1");
        Session b = open(PRIVYDROP, "10.1.0.2");
        node.handle(a, new Command.JoinRoom("1234"));
        node.handle(b, new Command.JoinRoom("1234"));
        node.handle(a, new Command.SignalPeer(SignalKind.OFFER, b.id().value(), SDP));
        node.handle(b, new Command.SignalPeer(SignalKind.ANSWER, a.id().value(), SDP));
        node.handle(a, new Command.SignalPeer(SignalKind.ICE_CANDIDATE, b.id().value(), SDP));
        node.handle(a, new Command.SignalPeer(SignalKind.ICE_CANDIDATE, "someone-else", SDP));
        assertEquals(
                Map.of("privydrop/offer", 1, "privydrop/answer", 1, "privydrop/ice-candidate", 1), metrics.counts());
        assertEquals(4, metrics.timed(PRIVYDROP));
    }

    @Test
    void commandsThatRelayNothingAreNotTimed() {
        Session host = open(AppId.DROPSILK, "192.168.1.10");
        node.handle(host, new Command.CreateRoom());
        assertEquals(0, metrics.timed(AppId.DROPSILK));
    }

    private Session open(AppId app, String ip) {
        return node.open(app, ClientAddress.parse(ip), "test", "Anonymous", new RecordingPeerSink());
    }

    private static <T> T await(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    /** Counts increments per app and type, and relay timings per app. */
    private static final class RecordingMetrics implements CoreMetrics {
        private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
        private final Map<AppId, AtomicInteger> timed = new ConcurrentHashMap<>();

        @Override
        public RelayCounter relayed(AppId app, String type) {
            String key = app.name() + "/" + type;
            return () -> counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        }

        @Override
        public void relayHandled(AppId app, long nanos) {
            timed.computeIfAbsent(app, a -> new AtomicInteger()).incrementAndGet();
        }

        Map<String, Integer> counts() {
            Map<String, Integer> snapshot = new ConcurrentHashMap<>();
            counts.forEach((key, count) -> snapshot.put(key, count.get()));
            return snapshot;
        }

        int timed(AppId app) {
            AtomicInteger count = timed.get(app);
            return count == null ? 0 : count.get();
        }
    }
}
