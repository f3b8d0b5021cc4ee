package io.switchboard.core.presence;

import io.switchboard.core.id.NodeId;
import io.switchboard.core.id.SessionId;
import io.switchboard.core.message.PeerSummary;
import io.switchboard.core.session.Session;
import io.switchboard.core.spi.PresenceEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One network group as one update sees it: the store's entries, with this node's own sessions read from the sessions
 * themselves (their name, pairing and whether they are still open are known here first), and what the store got
 * wrong about them.
 *
 * @param recipients every member to send the update to, in join order
 * @param visible the members the lists show, in join order, at most {@code limit + 1}
 * @param staleFlags sessions of this node whose stored paired flag differs from theirs
 * @param missing sessions of this node that the store lost (expired or restarted); listed here at the end
 * @param leftovers entries of this node whose sessions are gone (a remove that failed)
 * @param deadNodes nodes known to be dead whose entries are still stored; their entries are left out
 */
record GroupView(
        List<Recipient> recipients,
        List<PeerSummary> visible,
        List<Session> staleFlags,
        List<Session> missing,
        List<SessionId> leftovers,
        Set<NodeId> deadNodes) {

    /**
     * The view of {@code entries} from {@code self}, whose sessions in the group were {@code members} when the
     * entries were read.
     */
    static GroupView of(
            List<PresenceEntry> entries, List<Session> members, NodeId self, Predicate<NodeId> isDead, int limit) {
        Map<SessionId, Session> mine = new HashMap<>();
        for (Session s : members) {
            mine.put(s.id(), s);
        }
        Builder view = new Builder(self, entries.size(), limit);
        for (PresenceEntry entry : entries) {
            if (entry.node().equals(self)) {
                Session s = mine.remove(entry.id());
                if (s == null) {
                    view.leftovers.add(entry.id());
                } else {
                    view.addLocal(s, entry.paired());
                }
            } else if (isDead.test(entry.node())) {
                view.deadNodes.add(entry.node());
            } else {
                view.add(new Recipient(entry.node(), entry.id(), entry.paired()), entry.name(), true);
            }
        }
        for (Session s : members) {
            if (mine.containsKey(s.id())) {
                view.missing.add(s);
                view.addLocal(s, s.isPaired());
            }
        }
        return view.build();
    }

    /** One member to update, where it lives, and whether it is paired (and so gets an empty list). */
    record Recipient(NodeId node, SessionId id, boolean paired) {}

    private static final class Builder {
        private final NodeId self;
        private final int limit;
        private final List<Recipient> recipients;
        private final List<PeerSummary> visible;
        private final List<Session> staleFlags = new ArrayList<>();
        private final List<Session> missing = new ArrayList<>();
        private final List<SessionId> leftovers = new ArrayList<>();
        private final Set<NodeId> deadNodes = new LinkedHashSet<>();

        Builder(NodeId self, int size, int limit) {
            this.self = self;
            this.limit = limit;
            this.recipients = new ArrayList<>(size);
            this.visible = new ArrayList<>(Math.min(size, limit + 1));
        }

        void addLocal(Session s, boolean storedPaired) {
            boolean paired = s.isPaired();
            if (paired != storedPaired) {
                staleFlags.add(s);
            }
            add(new Recipient(self, s.id(), paired), s.name(), s.sink().isOpen());
        }

        void add(Recipient recipient, String name, boolean open) {
            recipients.add(recipient);
            // One more than the limit, so that a recipient who is itself listed still gets `limit` others.
            if (!recipient.paired() && open && visible.size() <= limit) {
                visible.add(new PeerSummary(recipient.id(), name));
            }
        }

        GroupView build() {
            return new GroupView(
                    List.copyOf(recipients),
                    List.copyOf(visible),
                    List.copyOf(staleFlags),
                    List.copyOf(missing),
                    List.copyOf(leftovers),
                    Set.copyOf(deadNodes));
        }
    }
}
