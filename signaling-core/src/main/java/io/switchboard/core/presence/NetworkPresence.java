package io.switchboard.core.presence;

import static java.util.Objects.requireNonNull;

import io.switchboard.core.TaskScheduler;
import io.switchboard.core.message.Event;
import io.switchboard.core.message.PeerSummary;
import io.switchboard.core.session.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions of one app on this node, grouped by network key, and the updates that tell each group who is
 * visible.
 *
 * <p>A change (connect, rename, room change, disconnect) marks only its own group dirty; a dirty group gets one
 * update per coalescing period, however many changes happened in it. Every member of a flushed group receives the
 * list of the group's other visible sessions (sessions that are paired in a room are hidden, and are themselves
 * sent an empty list), at most {@code limit} entries long. One shared {@link Event.NetworkPeers} serves the whole
 * group: each recipient's dialect leaves the recipient out. Thread-safe.
 */
public final class NetworkPresence {
    private final ConcurrentHashMap<String, Group> groups = new ConcurrentHashMap<>();
    private final TaskScheduler scheduler;
    private final Duration coalesce;
    private final int limit;

    /** Creates presence that flushes dirty groups after {@code coalesce}, with lists of at most {@code limit}. */
    public NetworkPresence(TaskScheduler scheduler, Duration coalesce, int limit) {
        this.scheduler = requireNonNull(scheduler, "scheduler");
        this.coalesce = requireNonNull(coalesce, "coalesce");
        this.limit = limit;
    }

    /** Adds {@code session} to its network group and schedules an update for that group. */
    public void join(Session session) {
        while (true) {
            Group group = groups.computeIfAbsent(session.address().networkKey(), Group::new);
            synchronized (group) {
                if (group.removed) {
                    continue; // emptied and dropped by a flush just now; take the fresh one
                }
                group.members.add(session);
            }
            markDirty(group);
            return;
        }
    }

    /** Removes {@code session} from its group and schedules an update for the others. */
    public void leave(Session session) {
        Group group = groups.get(session.address().networkKey());
        if (group == null) {
            return;
        }
        synchronized (group) {
            group.members.remove(session);
        }
        markDirty(group);
    }

    /** Schedules an update for the group with this network key (a member was renamed, joined or left a room). */
    public void changed(String networkKey) {
        Group group = groups.get(networkKey);
        if (group != null) {
            markDirty(group);
        }
    }

    /** How many network groups have members on this node. */
    public int groupCount() {
        return groups.size();
    }

    private void markDirty(Group group) {
        boolean schedule;
        synchronized (group) {
            schedule = !group.dirty;
            group.dirty = true;
        }
        if (schedule) {
            scheduler.schedule(() -> flush(group), coalesce);
        }
    }

    private void flush(Group group) {
        List<Session> members;
        synchronized (group) {
            group.dirty = false;
            members = new ArrayList<>(group.members);
            if (members.isEmpty()) {
                group.removed = true;
                groups.remove(group.key, group);
                return;
            }
        }
        List<PeerSummary> visible = new ArrayList<>(Math.min(members.size(), limit + 1));
        for (Session s : members) {
            // One more than the limit, so that a recipient who is itself listed still gets `limit` others.
            if (visible.size() > limit) {
                break;
            }
            if (!s.isPaired() && s.sink().isOpen()) {
                visible.add(new PeerSummary(s.id(), s.name()));
            }
        }
        List<PeerSummary> shared = List.copyOf(visible);
        for (Session s : members) {
            s.sink().send(s.isPaired() ? Event.NetworkPeers.NONE : new Event.NetworkPeers(shared, s.id(), limit));
        }
    }

    private static final class Group {
        private final String key;
        private final Set<Session> members = new LinkedHashSet<>();
        private boolean dirty;
        private boolean removed;

        private Group(String key) {
            this.key = key;
        }
    }
}
