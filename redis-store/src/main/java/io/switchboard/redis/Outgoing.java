package io.switchboard.redis;

import io.switchboard.core.id.NodeId;
import java.util.concurrent.CompletableFuture;

/**
 * One encoded delivery waiting to be published to {@code node}, and the future its publisher waits on. A class, not a
 * record, because it holds an array and is compared by identity (the queue removes this very entry).
 */
final class Outgoing {
    private final NodeId node;
    private final byte[] record;
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    Outgoing(NodeId node, byte[] record) {
        this.node = node;
        this.record = record;
    }

    NodeId node() {
        return node;
    }

    byte[] record() {
        return record;
    }

    CompletableFuture<Void> done() {
        return done;
    }
}
