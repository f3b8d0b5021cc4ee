package io.switchboard.core.testing;

import io.switchboard.core.CoreLimits;
import io.switchboard.core.SignalingNode;
import io.switchboard.core.id.AppId;
import io.switchboard.core.id.NodeId;
import io.switchboard.core.network.ClientAddress;
import io.switchboard.core.room.FlightService;
import io.switchboard.core.room.PrivyDropPolicy;
import io.switchboard.core.room.PrivyRoomService;
import io.switchboard.core.session.Session;
import io.switchboard.core.spi.Stores;
import io.switchboard.core.spi.memory.InMemoryStores;
import io.switchboard.core.telemetry.TelemetryEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * A node with DropSilk's flight service and PrivyDrop's room service, a manual scheduler, a clock that moves only when
 * the test moves it, scripted ids and recorded telemetry.
 */
public final class TestNode {
    /** The app id PrivyDrop sessions of a test node speak. */
    public static final AppId PRIVYDROP = new AppId("privydrop");

    public final ManualScheduler scheduler = new ManualScheduler();
    public final ScriptedIds ids = new ScriptedIds();
    public final List<TelemetryEvent> telemetry = new ArrayList<>();
    public final MutableClock clock;
    public final SignalingNode node;
    public final FlightService flights;
    public final PrivyRoomService privy;

    private TestNode(String id, Stores stores, CoreLimits limits, MutableClock clock, PrivyDropPolicy policy) {
        this.clock = clock;
        node = new SignalingNode(
                new NodeId(id), stores, new SignalingNode.NodeServices(clock, ids, scheduler, this::record, limits));
        flights = new FlightService(AppId.DROPSILK, node);
        node.register(AppId.DROPSILK, flights);
        privy = new PrivyRoomService(PRIVYDROP, node, policy);
        node.register(PRIVYDROP, privy);
    }

    /** A node with default limits and its own in-memory stores. */
    public static TestNode create() {
        return create(CoreLimits.DEFAULTS);
    }

    /** A node with the given limits. */
    public static TestNode create(CoreLimits limits) {
        MutableClock clock = new MutableClock();
        return new TestNode("node-a", new InMemoryStores(clock), limits, clock, PrivyDropPolicy.DEFAULTS);
    }

    /** A node sharing {@code stores} with other nodes. */
    public static TestNode create(String id, Stores stores) {
        return new TestNode(id, stores, CoreLimits.DEFAULTS, new MutableClock(), PrivyDropPolicy.DEFAULTS);
    }

    /** A node for PrivyDrop tests with {@code policy}, its own in-memory stores and its own clock. */
    public static TestNode privyDrop(PrivyDropPolicy policy) {
        MutableClock clock = new MutableClock();
        return new TestNode("node-a", new InMemoryStores(clock), CoreLimits.DEFAULTS, clock, policy);
    }

    /**
     * A node for PrivyDrop tests sharing {@code stores} (built on {@code clock}) with other nodes, so that moving the
     * clock moves every node and the stores' TTLs together.
     */
    public static TestNode privyDrop(String id, Stores stores, MutableClock clock) {
        return new TestNode(id, stores, CoreLimits.DEFAULTS, clock, PrivyDropPolicy.DEFAULTS);
    }

    /** Connects a DropSilk session from {@code ip}. */
    public Connected connect(String ip) {
        return connect(AppId.DROPSILK, ip);
    }

    /** Connects a PrivyDrop session from {@code ip}. */
    public Connected connectPrivy(String ip) {
        return connect(PRIVYDROP, ip);
    }

    /** The recorded telemetry events named {@code name}. */
    public synchronized List<TelemetryEvent> events(String name) {
        return telemetry.stream().filter(e -> e.name().equals(name)).toList();
    }

    private Connected connect(AppId app, String ip) {
        RecordingPeerSink sink = new RecordingPeerSink();
        Session session = node.open(app, ClientAddress.parse(ip), "test", "Anonymous", sink);
        return new Connected(session, sink);
    }

    private synchronized void record(TelemetryEvent event) {
        telemetry.add(event);
    }

    /** A session and what it received. */
    public record Connected(Session session, RecordingPeerSink sink) {}
}
