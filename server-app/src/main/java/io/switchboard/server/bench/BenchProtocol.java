package io.switchboard.server.bench;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * How the benchmark speaks one server dialect: where to connect, the greeting and heartbeat, how a pair meets, and the
 * frame that relays a signal from a pair's host to its guest. Implementations are stateless and thread-safe.
 */
interface BenchProtocol {
    /** The WebSocket URI for the {@code --url} the user gave. */
    URI webSocketUri(URI url);

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

    /** The frame {@code host} sends to relay {@code payload} number {@code seq} to {@code guest}. */
    String signal(Peer host, Peer guest, Payload payload, long seq, long sentNanos);

    /** Parses the option value. */
    static BenchProtocol of(String name, URI url) {
        return switch (name) {
            case "dropsilk" -> new DropSilkBenchProtocol();
            case "privydrop" -> new PrivyDropBenchProtocol(url);
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
