package io.switchboard.core.spi;

import io.switchboard.core.id.NodeId;
import io.switchboard.core.id.SessionId;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Who is on which network, shared by every node: per {@link NetworkGroup}, the entries of its sessions (id, node,
 * name, paired flag) in join order. Each node writes the entries of its own sessions (and the paired flag of the
 * flight partners it pairs or unpairs) and reads a whole group when it sends that group's user lists.
 *
 * <p>Contract: each method is atomic with respect to the others on the same group; {@link #list} is in join order,
 * and an entry keeps its place when it is updated or added again; updates of a missing entry change nothing (they
 * never bring back a removed session). Entries whose node died without removing them are dropped with {@link
 * #removeNode}; a backend may also let an idle group expire. Methods never block the caller and complete
 * exceptionally only when the backend is unreachable.
 */
public interface NetworkPresenceStore {
    /** Adds {@code entry} at the end of {@code group}, or, if its session is there already, replaces its fields. */
    CompletionStage<Void> add(NetworkGroup group, PresenceEntry entry);

    /** Sets the name of {@code session}; completes with false (and changes nothing) when it is not in the group. */
    CompletionStage<Boolean> rename(NetworkGroup group, SessionId session, String name);

    /** Sets the paired flag of {@code session}; completes with false (and changes nothing) when it is not there. */
    CompletionStage<Boolean> setPaired(NetworkGroup group, SessionId session, boolean paired);

    /** Removes {@code session} from {@code group}; completes with whether it was there. */
    CompletionStage<Boolean> remove(NetworkGroup group, SessionId session);

    /** Removes the entries of {@code node} (a dead node) from {@code group}; completes with how many there were. */
    CompletionStage<Integer> removeNode(NetworkGroup group, NodeId node);

    /** The entries of {@code group} in join order; empty when it has none. */
    CompletionStage<List<PresenceEntry>> list(NetworkGroup group);
}
