package io.switchboard.core.testing;

import io.switchboard.core.CoreLimits;
import io.switchboard.core.SignalingNode;
import io.switchboard.core.id.AppId;
import io.switchboard.core.id.NodeId;
import io.switchboard.core.network.ClientAddress;
import io.switchboard.core.room.FlightService;
import io.switchboard.core.session.Session;
import io.switchboard.core.spi.Stores;
import io.switchboard.core.spi.memory.InMemoryStores;
import io.switchboard.core.telemetry.TelemetryEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A node with DropSilk's flight service, a manual scheduler, scripted ids and recorded telemetry. */
public final class TestNode {
    public final ManualScheduler scheduler = new ManualScheduler();
    public final ScriptedIds ids = new ScriptedIds();
    public final List<TelemetryEvent> telemetry = new ArrayList<>();
    public final SignalingNode node;
    public final FlightService flights;

    private TestNode(String id, Stores stores, CoreLimits limits) {
        node = new SignalingNode(
                new NodeId(id),
                stores,
                new SignalingNode.NodeServices(
                        Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC),
                        ids,
                        scheduler,
                        this::record,
                        limits));
        flights = new FlightService(AppId.DROPSILK, node);
        node.register(AppId.DROPSILK, flights);
    }

    /** A node with default limits and its own in-memory stores. */
    public static TestNode create() {
        return new TestNode("node-a", new InMemoryStores(), CoreLimits.DEFAULTS);
    }

    /** A node with the given limits. */
    public static TestNode create(CoreLimits limits) {
        return new TestNode("node-a", new InMemoryStores(), limits);
    }

    /** A node sharing {@code stores} with other nodes. */
    public static TestNode create(String id, Stores stores) {
        return new TestNode(id, stores, CoreLimits.DEFAULTS);
    }

    /** Connects a DropSilk session from {@code ip}. */
    public Connected connect(String ip) {
        RecordingPeerSink sink = new RecordingPeerSink();
        Session session = node.open(AppId.DROPSILK, ClientAddress.parse(ip), "test", "Anonymous", sink);
        return new Connected(session, sink);
    }

    /** The recorded telemetry events named {@code name}. */
    public synchronized List<TelemetryEvent> events(String name) {
        return telemetry.stream().filter(e -> e.name().equals(name)).toList();
    }

    private synchronized void record(TelemetryEvent event) {
        telemetry.add(event);
    }

    /** A session and what it received. */
    public record Connected(Session session, RecordingPeerSink sink) {}
}
