package io.switchboard.core.testing;

import io.switchboard.core.message.Event;
import io.switchboard.core.session.CloseReason;
import io.switchboard.core.session.PeerSink;
import java.util.ArrayList;
import java.util.List;

/** Records every event sent to one session. */
public final class RecordingPeerSink implements PeerSink {
    private final List<Event> events = new ArrayList<>();
    private CloseReason closedWith;

    @Override
    public synchronized void send(Event event) {
        if (closedWith == null) {
            events.add(event);
        }
    }

    @Override
    public synchronized void close(CloseReason reason) {
        if (closedWith == null) {
            closedWith = reason;
        }
    }

    @Override
    public synchronized boolean isOpen() {
        return closedWith == null;
    }

    /** A copy of the events so far. */
    public synchronized List<Event> events() {
        return List.copyOf(events);
    }

    /** The events of one type so far. */
    public synchronized <T extends Event> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The last event, or fails. */
    public synchronized Event last() {
        if (events.isEmpty()) {
            throw new AssertionError("no events");
        }
        return events.get(events.size() - 1);
    }

    /** Forgets the events so far. */
    public synchronized void clear() {
        events.clear();
    }

    /** Why the sink was closed, or null. */
    public synchronized CloseReason closedWith() {
        return closedWith;
    }
}
