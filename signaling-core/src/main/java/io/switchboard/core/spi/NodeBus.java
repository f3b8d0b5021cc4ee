package io.switchboard.core.spi;

import io.switchboard.core.id.NodeId;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Cross-node delivery: each node subscribes once to its own inbox, and an event for a session on another node is
 * published to that node's inbox. At most once, in order per sender; no per-room or per-session subscriptions.
 */
public interface NodeBus {
    /**
     * Delivers {@code delivery} to {@code node}'s inbox. Completes exceptionally when the bus is unreachable; the
     * caller reports that to the sender rather than buffering.
     */
    CompletionStage<Void> publish(NodeId node, Delivery delivery);

    /**
     * Subscribes {@code node}'s inbox; {@code inbox} is called on a bus thread for each delivery, and must hand the
     * work off quickly. Closing the returned handle unsubscribes.
     */
    AutoCloseable subscribe(NodeId node, Consumer<Delivery> inbox);
}
