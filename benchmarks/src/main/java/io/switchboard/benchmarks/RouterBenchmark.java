package io.switchboard.benchmarks;

import io.switchboard.core.CoreLimits;
import io.switchboard.core.SignalingNode;
import io.switchboard.core.id.AppId;
import io.switchboard.core.id.NodeId;
import io.switchboard.core.id.SecureIdGenerator;
import io.switchboard.core.id.SessionId;
import io.switchboard.core.message.Command;
import io.switchboard.core.message.Event;
import io.switchboard.core.message.RawJson;
import io.switchboard.core.message.SignalKind;
import io.switchboard.core.network.ClientAddress;
import io.switchboard.core.room.FlightService;
import io.switchboard.core.room.PrivyDropPolicy;
import io.switchboard.core.room.PrivyRoomService;
import io.switchboard.core.session.Session;
import io.switchboard.core.session.SessionInfo;
import io.switchboard.core.spi.memory.InMemoryStores;
import io.switchboard.core.telemetry.Telemetry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The routing path of one relayed message on the in-memory backend, decode and encode excluded: {@link
 * SignalingNode#handle} of a command from one session of a pair, through the message-rate limiter, the app service
 * and the router, to the other session's sink. The pairs are made with real commands. Run with {@code -prof gc}:
 * {@code gc.alloc.rate.norm} is the allocation per relayed message.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RouterBenchmark {
    /** A limit high enough that the per-session message rate never refuses a benchmark command. */
    private static final CoreLimits UNLIMITED =
            new CoreLimits(1e15, Integer.MAX_VALUE, 64 * 1024, 100, Duration.ofMillis(50));

    private static final AppId PRIVYDROP = new AppId("privydrop");

    /** DropSilk: {@code Relay} from the flight's creator to the joiner ({@link FlightService}). */
    @Benchmark
    public void dropSilkRelay(Flight flight, Blackhole bh) {
        flight.joinerSink.measure(bh);
        flight.node.handle(flight.host, new Command.Relay(flight.payload));
    }

    /** PrivyDrop: {@code SignalPeer} from one room member to the other ({@link PrivyRoomService}). */
    @Benchmark
    public void privyDropSignalPeer(PrivyRoom room, Blackhole bh) {
        room.receiverSink.measure(bh);
        room.node.handle(room.sender, new Command.SignalPeer(room.kind, room.target, room.payload));
    }

    /** A node with DropSilk's flight service and two sessions paired in one flight. */
    @State(Scope.Thread)
    public static class Flight {
        /** Which payload is relayed: the ~3 KB SDP offer or the ~200 B ICE candidate. */
        @Param({"offer", "candidate"})
        public String payloadKind;

        SignalingNode node;
        Session host;
        CountingSink joinerSink;
        RawJson payload;

        /** Opens two sessions, creates a flight with one and joins it with the other, then checks a relay. */
        @Setup
        public void setUp() {
            node = newNode();
            node.register(AppId.DROPSILK, new FlightService(AppId.DROPSILK, node));
            CountingSink hostSink = new CountingSink();
            joinerSink = new CountingSink();
            host = node.open(AppId.DROPSILK, ClientAddress.parse("203.0.113.7"), "bench", "Anonymous", hostSink);
            Session joiner =
                    node.open(AppId.DROPSILK, ClientAddress.parse("198.51.100.9"), "bench", "Anonymous", joinerSink);
            node.handle(host, new Command.CreateRoom());
            String code = hostSink.recorded().stream()
                    .filter(Event.RoomCreated.class::isInstance)
                    .map(e -> ((Event.RoomCreated) e).code())
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no flight-created: " + hostSink.recorded()));
            node.handle(joiner, new Command.JoinRoom(code));
            Checks.require(host.isPaired() && joiner.isPaired(), "host and joiner paired");
            payload = RawJson.of(
                    payloadKind.equals("offer") ? Payloads.dropSilkOfferData() : Payloads.dropSilkCandidateData());
            long before = joinerSink.count();
            node.handle(host, new Command.Relay(payload));
            Checks.require(joinerSink.count() == before + 1, "a relay reaches the joiner");
        }

        /** Closes the node. */
        @TearDown
        public void tearDown() {
            node.close();
        }
    }

    /** A node with PrivyDrop's room service and two sessions bound to one room. */
    @State(Scope.Thread)
    public static class PrivyRoom {
        /** Which signal is sent: an {@code offer} (~3 KB SDP) or an {@code ice-candidate} (~200 B). */
        @Param({"offer", "candidate"})
        public String payloadKind;

        SignalingNode node;
        Session sender;
        String target;
        SignalKind kind;
        CountingSink receiverSink;
        RawJson payload;

        /** Creates a room, joins it with two sessions, then checks a signal. */
        @Setup
        public void setUp() {
            node = newNode();
            PrivyRoomService service = new PrivyRoomService(PRIVYDROP, node, PrivyDropPolicy.DEFAULTS);
            node.register(PRIVYDROP, service);
            service.createRoom("4821").toCompletableFuture().join();
            CountingSink senderSink = new CountingSink();
            receiverSink = new CountingSink();
            sender = open("Zb1Rk9xQw2Ls7NpTAAAD", "203.0.113.7", senderSink);
            Session receiver = open(Payloads.PRIVY_TARGET, "198.51.100.9", receiverSink);
            node.handle(sender, new Command.JoinRoom("4821"));
            node.handle(receiver, new Command.JoinRoom("4821"));
            Checks.require(
                    senderSink.recorded().contains(new Event.PeerReady(receiver.id())),
                    "the sender is told the receiver is ready: " + senderSink.recorded());
            target = receiver.id().value();
            boolean offer = payloadKind.equals("offer");
            kind = offer ? SignalKind.OFFER : SignalKind.ICE_CANDIDATE;
            payload = RawJson.of(offer ? Payloads.offerJson() : Payloads.candidateJson());
            long before = receiverSink.count();
            node.handle(sender, new Command.SignalPeer(kind, target, payload));
            Checks.require(receiverSink.count() == before + 1, "a signal reaches the receiver");
        }

        /** Closes the node. */
        @TearDown
        public void tearDown() {
            node.close();
        }

        private Session open(String id, String ip, CountingSink sink) {
            Session session = node.open(
                    PRIVYDROP, new SessionId(id), ClientAddress.parse(ip), "bench", "", SessionInfo.NO_HANDSHAKE, sink);
            Checks.require(session != null, "session " + id + " opened");
            return session;
        }
    }

    /**
     * A node on fresh in-memory stores with the system clock, secure ids, a scheduler that drops every task (only
     * user-list coalescing uses it here), no telemetry and no effective message rate.
     */
    static SignalingNode newNode() {
        Clock clock = Clock.systemUTC();
        return new SignalingNode(
                new NodeId("bench"),
                new InMemoryStores(clock),
                new SignalingNode.NodeServices(
                        clock, new SecureIdGenerator(), (task, delay) -> {}, Telemetry.NOOP, UNLIMITED));
    }
}
