package io.switchboard.core.spi.memory;

import static java.util.concurrent.CompletableFuture.completedFuture;

import io.switchboard.core.Nullable;
import io.switchboard.core.id.NodeId;
import io.switchboard.core.id.SessionId;
import io.switchboard.core.spi.SessionDirectory;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** The session directory of the nodes of one process, in a concurrent map. */
public final class InMemorySessionDirectory implements SessionDirectory {
    private final ConcurrentHashMap<SessionId, NodeId> nodes = new ConcurrentHashMap<>();

    @Override
    public CompletionStage<Void> register(SessionId session, NodeId node) {
        nodes.put(session, node);
        return completedFuture(null);
    }

    @Override
    public CompletionStage<Void> unregister(SessionId session) {
        nodes.remove(session);
        return completedFuture(null);
    }

    @Override
    public CompletionStage<@Nullable NodeId> nodeOf(SessionId session) {
        return completedFuture(nodes.get(session));
    }
}
