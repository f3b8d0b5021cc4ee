package io.switchboard.core.presence;

import static java.util.Objects.requireNonNull;

import io.switchboard.core.Nullable;
import io.switchboard.core.SignalingNode;
import io.switchboard.core.TaskScheduler;
import io.switchboard.core.id.AppId;
import io.switchboard.core.id.NodeId;
import io.switchboard.core.id.SessionId;
import io.switchboard.core.message.Event;
import io.switchboard.core.message.Member;
import io.switchboard.core.message.PeerSummary;
import io.switchboard.core.routing.SignalRouter;
import io.switchboard.core.session.Session;
import io.switchboard.core.spi.NetworkGroup;
import io.switchboard.core.spi.NetworkPresenceStore;
import io.switchboard.core.spi.PresenceEntry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The network groups of one app, and the updates that tell each group's members who is visible, on every node.
 *
 * <p>Who is in a group lives in the shared {@link NetworkPresenceStore}: this node adds its sessions on connect,
 * removes them on disconnect, and records renames and (un)pairings. A change marks only its own group dirty on the
 * node where it happened; a dirty group gets one update per coalescing period, however many changes happened in it:
 * one read of the group from the store, then every member, on whichever node, receives the list of the group's other
 * visible sessions (sessions that are paired in a room are hidden, and are themselves sent an empty list), at most
 * {@code limit} entries long, through the router. One shared {@link Event.NetworkPeers} list serves the whole group:
 * each recipient's dialect leaves the recipient out. This node's own sessions are read from the sessions themselves,
 * and where the store disagrees with them (an expired group, a lost write) the update repairs it. Thread-safe.
 */
public final class NetworkPresence {
    private static final Logger log = LoggerFactory.getLogger(NetworkPresence.class);

    private final ConcurrentHashMap<String, PresenceGroup> groups = new ConcurrentHashMap<>();
    private final LostNodes lost = new LostNodes();
    private final AppId app;
    private final NodeId self;
    private final NetworkPresenceStore store;
    private final SignalRouter router;
    private final TaskScheduler scheduler;
    private final Duration coalesce;
    private final int limit;

    /**
     * Creates the presence of {@code app} on {@code node}: its store, router and scheduler, and the list limit and
     * coalescing period of its limits.
     */
    public NetworkPresence(AppId app, SignalingNode node) {
        this.app = requireNonNull(app, "app");
        this.self = node.id();
        this.store = node.stores().presence();
        this.router = node.router();
        this.scheduler = node.services().scheduler();
        this.coalesce = node.services().limits().networkListCoalesce();
        this.limit = node.services().limits().networkListLimit();
    }

    /** Adds {@code session} to its network group and schedules an update for that group. */
    public void join(Session session) {
        PresenceEntry entry = entryOf(session);
        while (true) {
            PresenceGroup group = group(session.address().networkKey());
            if (group.join(session, () -> store.add(group.network(), entry))) {
                markDirty(group);
                return;
            }
            // retired by a flush just now; take the fresh one
        }
    }

    /** Removes {@code session} from its group and schedules an update for the others. */
    public void leave(Session session) {
        PresenceGroup group = group(session.address().networkKey());
        group.leave(session, () -> store.remove(group.network(), session.id()));
        markDirty(group);
    }

    /** Records {@code session}'s new name and schedules an update for its group. */
    public void renamed(Session session) {
        String name = session.name();
        PresenceGroup group = group(session.address().networkKey());
        write(group, () -> store.rename(group.network(), session.id(), name));
        markDirty(group);
    }

    /**
     * Records that {@code member} (on this node or another) is now {@code paired} or not, and schedules an update
     * for its group.
     */
    public void pairingChanged(Member member, boolean paired) {
        PresenceGroup group = group(member.address().networkKey());
        write(group, () -> store.setPaired(group.network(), member.id(), paired));
        markDirty(group);
    }

    /** Schedules an update for the group with this network key. */
    public void changed(String networkKey) {
        markDirty(group(networkKey));
    }

    /**
     * {@code dead} stopped: its entries leave every group this node tracks, and those groups are updated. Groups
     * where no survivor has a session keep the dead entries until a survivor's update finds them or the store lets
     * the group expire.
     */
    public void nodeLost(NodeId dead) {
        lost.add(dead);
        for (PresenceGroup group : groups.values()) {
            group.enqueue(() -> store.removeNode(group.network(), dead)).whenComplete((removed, failure) -> {
                if (failure != null) {
                    log.debug("removing node {} from {} failed: {}", dead, group.network(), failure.toString());
                } else if (removed > 0) {
                    markDirty(group);
                }
            });
        }
    }

    /**
     * The entry of {@code invitee} in {@code inviter}'s network group, wherever it lives, or null when it is not
     * there (or is the inviter itself).
     */
    public CompletionStage<@Nullable PresenceEntry> find(Session inviter, SessionId invitee) {
        NetworkGroup network = NetworkGroup.of(app, inviter.address());
        PresenceGroup group = groups.get(network.networkKey());
        // Behind this node's queued writes, so a session that just connected here is found.
        CompletionStage<List<PresenceEntry>> entries =
                group == null ? store.list(network) : group.enqueue(() -> store.list(network));
        return entries.thenApply(list -> {
            for (PresenceEntry entry : list) {
                if (entry.id().equals(invitee) && !entry.id().equals(inviter.id()) && !lost.contains(entry.node())) {
                    return entry;
                }
            }
            return null;
        });
    }

    /** How many network groups this node tracks (with sessions here, or an update due). */
    public int groupCount() {
        return groups.size();
    }

    private PresenceGroup group(String networkKey) {
        return groups.computeIfAbsent(networkKey, key -> new PresenceGroup(new NetworkGroup(app, key)));
    }

    private void markDirty(PresenceGroup group) {
        if (group.markDirty()) {
            scheduler.schedule(() -> flush(group), coalesce);
        }
    }

    private void flush(PresenceGroup group) {
        NetworkGroup network = group.network();
        PresenceGroup.Flush flush =
                group.startFlush(() -> store.list(network), () -> groups.remove(network.networkKey(), group));
        flush.entries().whenComplete((entries, failure) -> {
            if (failure != null) {
                log.debug("reading {} failed; its update is skipped: {}", network, failure.toString());
                return;
            }
            GroupView view = GroupView.of(entries, flush.members(), self, lost::contains, limit);
            repair(group, view);
            send(view);
        });
    }

    private void repair(PresenceGroup group, GroupView view) {
        NetworkGroup network = group.network();
        for (Session s : view.staleFlags()) {
            write(group, () -> store.setPaired(network, s.id(), s.isPaired()));
        }
        for (Session s : view.missing()) {
            PresenceEntry entry = entryOf(s);
            group.rejoin(s, () -> store.add(network, entry));
        }
        for (SessionId gone : view.leftovers()) {
            write(group, () -> store.remove(network, gone));
        }
        for (NodeId dead : view.deadNodes()) {
            write(group, () -> store.removeNode(network, dead));
        }
    }

    private void send(GroupView view) {
        List<PeerSummary> shared = view.visible();
        for (GroupView.Recipient r : view.recipients()) {
            router.deliver(
                    r.node(),
                    r.id(),
                    r.paired() ? Event.NetworkPeers.NONE : new Event.NetworkPeers(shared, r.id(), limit));
        }
    }

    private static <T> void write(PresenceGroup group, Supplier<? extends CompletionStage<T>> call) {
        group.enqueue(call).whenComplete((ignored, failure) -> {
            if (failure != null) {
                log.debug("a presence write to {} failed: {}", group.network(), failure.toString());
            }
        });
    }

    private PresenceEntry entryOf(Session session) {
        return new PresenceEntry(session.id(), self, session.name(), session.isPaired());
    }
}
