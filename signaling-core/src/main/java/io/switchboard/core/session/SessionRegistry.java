package io.switchboard.core.session;

import io.switchboard.core.Nullable;
import io.switchboard.core.id.AppId;
import io.switchboard.core.id.SessionId;
import java.util.Collection;
import java.util.Collections;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The sessions connected to this node, by id. Thread-safe. */
public final class SessionRegistry {
    private final ConcurrentHashMap<SessionId, Session> sessions = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<AppId, AtomicInteger> perApp = new ConcurrentHashMap<>();

    /** Adds {@code session} unless its id is taken; returns whether it was added. */
    public boolean tryAdd(Session session) {
        if (sessions.putIfAbsent(session.id(), session) != null) {
            return false;
        }
        perApp.computeIfAbsent(session.app(), app -> new AtomicInteger()).incrementAndGet();
        return true;
    }

    /** Removes {@code session}; returns whether it was registered. */
    public boolean remove(Session session) {
        if (!sessions.remove(session.id(), session)) {
            return false;
        }
        perApp.get(session.app()).decrementAndGet();
        return true;
    }

    /** The session with this id on this node, or null. */
    public @Nullable Session get(SessionId id) {
        return sessions.get(id);
    }

    /** How many sessions are connected. */
    public int size() {
        return sessions.size();
    }

    /** How many sessions of {@code app} are connected. */
    public int count(AppId app) {
        AtomicInteger count = perApp.get(app);
        return count == null ? 0 : count.get();
    }

    /** A live, unmodifiable view of the sessions, for shutdown and stats. */
    public Collection<Session> all() {
        return Collections.unmodifiableCollection(sessions.values());
    }
}
