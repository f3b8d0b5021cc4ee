package io.switchboard.core.spi.memory;

import static java.util.Objects.requireNonNull;
import static java.util.concurrent.CompletableFuture.completedFuture;

import io.switchboard.core.id.NodeId;
import io.switchboard.core.id.SessionId;
import io.switchboard.core.spi.NetworkGroup;
import io.switchboard.core.spi.NetworkPresenceStore;
import io.switchboard.core.spi.PresenceEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * Network groups in a {@link ConcurrentHashMap}: each group is an insertion-ordered map of its entries, changed only
 * inside {@code compute} on its key, so operations on one group are serialised and groups never wait for each other.
 * An empty group is dropped. Nothing expires: in one process every session's entry is removed when it closes.
 */
public final class InMemoryNetworkPresenceStore implements NetworkPresenceStore {
    private final ConcurrentHashMap<NetworkGroup, LinkedHashMap<SessionId, PresenceEntry>> groups =
            new ConcurrentHashMap<>();

    @Override
    public CompletionStage<Void> add(NetworkGroup group, PresenceEntry entry) {
        requireNonNull(entry, "entry");
        groups.compute(group, (key, entries) -> {
            LinkedHashMap<SessionId, PresenceEntry> next = entries == null ? new LinkedHashMap<>() : entries;
            next.put(entry.id(), entry); // an existing key keeps its place in a LinkedHashMap
            return next;
        });
        return completedFuture(null);
    }

    @Override
    public CompletionStage<Boolean> rename(NetworkGroup group, SessionId session, String name) {
        requireNonNull(name, "name");
        return completedFuture(update(group, session, entry -> entry.withName(name)));
    }

    @Override
    public CompletionStage<Boolean> setPaired(NetworkGroup group, SessionId session, boolean paired) {
        return completedFuture(update(group, session, entry -> entry.withPaired(paired)));
    }

    @Override
    public CompletionStage<Boolean> remove(NetworkGroup group, SessionId session) {
        requireNonNull(session, "session");
        AtomicInteger removed = new AtomicInteger();
        groups.computeIfPresent(group, (key, entries) -> {
            if (entries.remove(session) != null) {
                removed.incrementAndGet();
            }
            return entries.isEmpty() ? null : entries;
        });
        return completedFuture(removed.get() > 0);
    }

    @Override
    public CompletionStage<Integer> removeNode(NetworkGroup group, NodeId node) {
        requireNonNull(node, "node");
        AtomicInteger removed = new AtomicInteger();
        groups.computeIfPresent(group, (key, entries) -> {
            int before = entries.size();
            entries.values().removeIf(entry -> entry.node().equals(node));
            removed.set(before - entries.size());
            return entries.isEmpty() ? null : entries;
        });
        return completedFuture(removed.get());
    }

    @Override
    public CompletionStage<List<PresenceEntry>> list(NetworkGroup group) {
        requireNonNull(group, "group");
        // compute, not get: the copy is taken under the group's lock, so it never sees a write half done.
        AtomicReference<List<PresenceEntry>> copy = new AtomicReference<>(List.of());
        groups.computeIfPresent(group, (key, entries) -> {
            copy.set(List.copyOf(entries.values()));
            return entries;
        });
        return completedFuture(copy.get());
    }

    private boolean update(NetworkGroup group, SessionId session, UnaryOperator<PresenceEntry> change) {
        requireNonNull(session, "session");
        AtomicInteger updated = new AtomicInteger();
        groups.computeIfPresent(group, (key, entries) -> {
            if (entries.computeIfPresent(session, (id, entry) -> change.apply(entry)) != null) {
                updated.incrementAndGet();
            }
            return entries;
        });
        return updated.get() > 0;
    }
}
