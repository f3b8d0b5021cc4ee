package io.switchboard.core.session;

import io.switchboard.core.message.Event;

/**
 * Where the events for one session go: the core's only way to reach a client. A transport implements it (the
 * Netty channel adapter in {@code server-app}); tests implement it with a recorder.
 *
 * <p>Implementations are thread-safe: {@link #send} may be called from any thread, and events sent from one thread
 * arrive in the order they were sent. A sink that cannot keep up (its client reads too slowly) closes itself with
 * {@link CloseReason#SLOW_CONSUMER} rather than buffering without bound.
 */
public interface PeerSink {
    /** Queues {@code event} for the client; dropped silently once the sink is closed. */
    void send(Event event);

    /** Closes the session with {@code reason} after flushing what was already sent. Idempotent. */
    void close(CloseReason reason);

    /** Whether the session is still open. */
    boolean isOpen();
}
