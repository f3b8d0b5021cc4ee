package io.switchboard.core.spi.memory;

import io.switchboard.core.id.NodeId;
import io.switchboard.core.spi.Delivery;
import io.switchboard.core.spi.NodeBus;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A bus between the nodes of one process: publishing calls the target node's inbox directly on the publisher's
 * thread, which keeps per-sender order. Several servers in one JVM (tests, the bench tool) share one instance.
 */
public final class LocalNodeBus implements NodeBus {
    private final ConcurrentHashMap<NodeId, Consumer<Delivery>> inboxes = new ConcurrentHashMap<>();

    @Override
    public CompletionStage<Void> publish(NodeId node, Delivery delivery) {
        Consumer<Delivery> inbox = inboxes.get(node);
        if (inbox == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no such node: " + node));
        }
        inbox.accept(delivery);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public AutoCloseable subscribe(NodeId node, Consumer<Delivery> inbox) {
        if (inboxes.putIfAbsent(node, inbox) != null) {
            throw new IllegalStateException("node already subscribed: " + node);
        }
        return () -> inboxes.remove(node, inbox);
    }
}
