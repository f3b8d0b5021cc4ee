package io.switchboard.core.telemetry;

import io.switchboard.core.id.AppId;

/**
 * The counts and timings the core feeds into the server's metrics. The core depends on no metrics library: the server
 * implements this port (with Prometheus), and {@link #NOOP} stands in when it does not. Label values passed here are
 * fixed words (an app name, a message type), never a session id or a room code.
 *
 * <p>Implementations are thread-safe and never block or throw: they are called on the relay path.
 */
public interface CoreMetrics {
    /** Records nothing. */
    CoreMetrics NOOP = new CoreMetrics() {};

    /**
     * The counter of messages of {@code type} ({@code signal}, {@code offer}, ...) relayed for {@code app}. Services
     * ask once, when they are built, and increment it per message handed to the router.
     */
    default RelayCounter relayed(AppId app, String type) {
        return RelayCounter.NONE;
    }

    /** Records that {@code SignalingNode.handle} spent {@code nanos} on one relay command of {@code app}. */
    default void relayHandled(AppId app, long nanos) {}

    /** A count that only goes up. Thread-safe. */
    @FunctionalInterface
    interface RelayCounter {
        /** Counts nothing. */
        RelayCounter NONE = () -> {};

        /** Adds one. */
        void increment();
    }
}
