package io.switchboard.core;

import io.switchboard.core.id.IdGenerator;
import io.switchboard.core.id.NodeId;
import io.switchboard.core.id.SessionId;
import io.switchboard.core.message.Command;
import io.switchboard.core.session.Session;
import java.util.Collection;

/**
 * One app's use cases over the shared core (DropSilk's flights, PrivyDrop's rooms, ...). The node calls it for each
 * session of that app, on the session's own thread, in order: {@link #connected} once, {@link #handle} per command,
 * {@link #disconnected} once.
 */
public interface AppService {
    /** A session of this app opened; the service greets it and makes it visible. */
    void connected(Session session);

    /** A decoded, rate-checked command from {@code session}. Failures go back to the session as events. */
    void handle(Session session, Command command);

    /** {@code session} closed; the service removes it from its rooms and tells its peers. */
    void disconnected(Session session);

    /**
     * Another node of the deployment died (its heartbeat stopped). Called on every surviving node: the service
     * tells this node's sessions that their peers on {@code dead} are gone, as if those peers had disconnected.
     */
    default void nodeLost(NodeId dead) {}

    /**
     * Called on the one survivor that claimed the clean-up of a dead node, with the sessions that node held: the
     * service removes them from the shared store and tells their peers wherever those live.
     */
    default void sessionsLost(Collection<SessionId> sessions) {}

    /** How many rooms of this app are active (for stats). */
    int activeRooms();

    /**
     * A new session id in the app's format. The default has at least 128 bits of entropy; an app whose frontend
     * shows ids may use a shorter format, compensated by its own rules.
     */
    default SessionId newSessionId(IdGenerator ids) {
        return ids.newSessionId();
    }
}
