package io.switchboard.core.presence;

import static java.util.Objects.requireNonNull;

import io.switchboard.core.session.Session;
import io.switchboard.core.spi.NetworkGroup;
import io.switchboard.core.spi.PresenceEntry;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * One network group as this node sees it: the group's sessions on this node, whether an update is due, and the queue
 * of this node's store calls for the group. The queue runs each call after the previous one completed, so a
 * session's add, renames and remove reach the store in the order they were made, and a flush's read sees every
 * write made before it. Thread-safe.
 */
final class PresenceGroup {
    private final NetworkGroup network;
    private final Set<Session> local = new LinkedHashSet<>();
    private CompletionStage<?> tail = CompletableFuture.completedFuture(null);
    private boolean dirty;
    private boolean retired;

    PresenceGroup(NetworkGroup network) {
        this.network = requireNonNull(network, "network");
    }

    /** The group in the store. */
    NetworkGroup network() {
        return network;
    }

    /**
     * Adds {@code session} and queues {@code add}; false (and nothing done) when a flush retired this group just now,
     * and the caller must take the fresh one.
     */
    synchronized <T> boolean join(Session session, Supplier<? extends CompletionStage<T>> add) {
        if (retired) {
            return false;
        }
        local.add(session);
        enqueue(add);
        return true;
    }

    /** Drops {@code session} and queues {@code remove}. */
    synchronized <T> void leave(Session session, Supplier<? extends CompletionStage<T>> remove) {
        local.remove(session);
        enqueue(remove);
    }

    /** Queues {@code add} again for {@code session} if it is still here (the store lost its entry). */
    synchronized <T> void rejoin(Session session, Supplier<? extends CompletionStage<T>> add) {
        if (local.contains(session)) {
            enqueue(add);
        }
    }

    /** Marks an update due; true when it was not, so the caller schedules the flush. */
    synchronized boolean markDirty() {
        boolean first = !dirty;
        dirty = true;
        return first;
    }

    /**
     * Starts the due update: clears the mark, takes the sessions here and queues {@code list} behind every write made
     * so far. A group with no session here is retired ({@code retire} drops it from the node's map) but still sends
     * this update, so the members on other nodes learn of the last change made here.
     */
    synchronized Flush startFlush(Supplier<CompletionStage<List<PresenceEntry>>> list, Runnable retire) {
        dirty = false;
        List<Session> members = List.copyOf(local);
        if (members.isEmpty()) {
            retired = true;
            retire.run();
        }
        return new Flush(members, enqueue(list));
    }

    /** Runs {@code call} after every call queued before it; a failed call does not stop the ones after it. */
    synchronized <T> CompletionStage<T> enqueue(Supplier<? extends CompletionStage<T>> call) {
        CompletionStage<T> next = tail.thenCompose(ignored -> call.get());
        tail = next.handle((ignored, failure) -> null);
        return next;
    }

    /** One update under way: the sessions here when it started and the group's entries as the store answered. */
    record Flush(List<Session> members, CompletionStage<List<PresenceEntry>> entries) {}
}
