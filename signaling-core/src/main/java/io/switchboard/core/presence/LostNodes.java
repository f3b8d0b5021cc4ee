package io.switchboard.core.presence;

import io.switchboard.core.id.NodeId;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The nodes this node was told are dead (the most recent {@value #KEPT}): their entries are left out of the lists
 * and removed from the store where a flush finds them. Node ids are random per process, so a dead id never comes
 * back. Thread-safe.
 */
final class LostNodes {
    private static final int KEPT = 1024;

    private final Set<NodeId> nodes = new LinkedHashSet<>();

    /** Remembers {@code node} as dead. */
    synchronized void add(NodeId node) {
        if (nodes.add(node) && nodes.size() > KEPT) {
            Iterator<NodeId> oldest = nodes.iterator();
            oldest.next();
            oldest.remove();
        }
    }

    /** Whether {@code node} is known to be dead. */
    synchronized boolean contains(NodeId node) {
        return nodes.contains(node);
    }
}
