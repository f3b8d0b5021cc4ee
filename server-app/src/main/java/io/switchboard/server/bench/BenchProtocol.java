package io.switchboard.server.bench;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * How the benchmark speaks one server dialect: where to connect, the greeting and heartbeat, how a pair meets, and the
 * frame that relays a signal from one peer of a pair to the other. Implementations are thread-safe.
 */
interface BenchProtocol {
    /** The {@code --dialect} name. */
    String name();

    /** The WebSocket URI for the {@code --url} the user gave. */
    URI webSocketUri(URI url);

    /**
     * The URI both peers of one pair connect to, or one peer that is not paired (join, connect); {@code webSocketUri}
     * itself unless the server pairs by the URI.
     */
    default URI pairUri(URI webSocketUri) {
        return webSocketUri;
    }

    /** Whether a peer is greeted by the upgrade itself (the server sends nothing first). */
    default boolean readyOnUpgrade() {
        return false;
    }

    /**
     * Handles the server's greeting or heartbeat on {@code peer}'s event loop.
     *
     * @return true when {@code text} was one (the peer is then greeted)
     */
    boolean greeting(Peer peer, String text);

    /** Whether {@code text} reports a failure to the client. */
    boolean isError(String text);

    /** Makes two greeted peers meet (a flight or a room), completing when the host knows the guest is there. */
    CompletableFuture<Void> pairUp(Peer host, Peer guest);

    /** Sets up one peer's session and ends it, for the join scenario; completes when the server confirmed. */
    CompletableFuture<Void> joinCycle(BenchClient client, int index);

    /**
     * The frame {@code from} sends to relay {@code payload} number {@code seq} to {@code to}, its partner: the host to
     * the guest in the relay scenario, either way in the session scenario.
     */
    String signal(Peer from, Peer to, Payload payload, long seq, long sentNanos);

    /** Parses the option value. */
    static BenchProtocol of(String name, URI url) {
        return switch (name) {
            case "dropsilk" -> new DropSilkBenchProtocol();
            case "privydrop" -> new PrivyDropBenchProtocol(url);
            case "reference" -> new ReferenceBenchProtocol();
            default -> throw new IllegalArgumentException("unknown dialect " + name);
        };
    }

    /** The string value of {@code "field":"value"} in {@code json}, or fails. */
    static String stringField(String json, String field) {
        String key = "\"" + field + "\":\"";
        int start = json.indexOf(key);
        int end = start < 0 ? -1 : json.indexOf('"', start + key.length());
        if (end < 0) {
            throw new IllegalStateException("no " + field + " in " + json);
        }
        return json.substring(start + key.length(), end);
    }
}
