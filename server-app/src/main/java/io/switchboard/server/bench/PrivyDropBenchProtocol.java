package io.switchboard.server.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * PrivyDrop over Socket.IO (PROTOCOLS.md §2.5) as the browser frontends speak it: a direct WebSocket to {@code
 * /socket.io/?EIO=4&transport=websocket}, {@code 40} after the open packet, {@code 3} for every {@code 2}; a room from
 * {@code GET /api/get_room}, both peers {@code join} it, and the host waits for {@code ready}.
 *
 * <p>A join-scenario cycle is a pair, as for DropSilk and the reference: two peers connect, both {@code join}, the
 * host hears {@code ready}, both close. Each loop gets its room with {@code GET /api/get_room} on its first cycle and
 * reuses it (an empty room lives on for 15 minutes), so the REST call is not in the cycle; DropSilk's cycle does
 * create its flight, with a WebSocket message.
 */
final class PrivyDropBenchProtocol implements BenchProtocol {
    private static final String JOIN_RESPONSE = "42[\"joinResponse\"";

    private final URI base;
    private final Map<Integer, CompletableFuture<String>> joinRooms = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1) // no h2c upgrade: servers such as Node's socket.io drop it
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    PrivyDropBenchProtocol(URI base) {
        this.base = base;
    }

    @Override
    public String name() {
        return "privydrop";
    }

    @Override
    public URI webSocketUri(URI url) {
        String scheme = "https".equals(url.getScheme()) ? "wss" : "ws";
        return URI.create(scheme + "://" + url.getRawAuthority() + "/socket.io/?EIO=4&transport=websocket");
    }

    @Override
    public boolean greeting(Peer peer, String text) {
        if ("2".equals(text)) {
            peer.send("3");
            return false; // a heartbeat, not the greeting
        }
        if (text.startsWith("0{")) {
            peer.send("40");
            return false;
        }
        if (text.startsWith("40{")) {
            peer.id(BenchProtocol.stringField(text, "sid"));
            return true;
        }
        return false;
    }

    @Override
    public boolean isError(String text) {
        return text.startsWith("44") || (text.startsWith(JOIN_RESPONSE) && text.contains("\"success\":false"));
    }

    @Override
    public CompletableFuture<Void> pairUp(Peer host, Peer guest) {
        return room().thenCompose(room -> meetIn(room, host, guest));
    }

    @Override
    public CompletableFuture<Void> joinCycle(BenchClient client, int index) {
        CompletableFuture<String> loopRoom = joinRooms.computeIfAbsent(index, i -> room());
        if (loopRoom.isCompletedExceptionally()) {
            joinRooms.remove(index, loopRoom); // the next cycle asks again
        }
        return loopRoom.thenCompose(room -> client.connectPair(index)
                .thenCompose(pair -> Peer.closeAfter(meetIn(room, pair.get(0), pair.get(1)), pair)));
    }

    /** Both join {@code room}, the host first; completes when the host heard the guest is {@code ready}. */
    private static CompletableFuture<Void> meetIn(String room, Peer host, Peer guest) {
        return host.request(join(room), JOIN_RESPONSE).thenCompose(joined -> {
            CompletableFuture<String> ready = host.expect("42[\"ready\"");
            CompletableFuture<String> guestJoined = guest.request(join(room), JOIN_RESPONSE);
            return CompletableFuture.allOf(ready, guestJoined);
        });
    }

    @Override
    public String signal(Peer from, Peer to, Payload payload, long seq, long sentNanos) {
        StringBuilder out = new StringBuilder(payload == Payload.CANDIDATE ? 400 : 3700)
                .append("42[\"")
                .append(payload.privyDropEvent())
                .append("\",{\"peerId\":\"")
                .append(to.id())
                .append("\",\"from\":\"")
                .append(from.id())
                .append("\",\"")
                .append(payload.privyDropField())
                .append("\":");
        return payload.appendObject(out, seq, sentNanos).append("}]").toString();
    }

    /** Creates a room with {@code GET /api/get_room}. */
    private CompletableFuture<String> room() {
        HttpRequest request =
                HttpRequest.newBuilder(base.resolve("/api/get_room")).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /api/get_room: " + response.statusCode());
            }
            return BenchProtocol.stringField(response.body(), "roomId");
        });
    }

    private static String join(String room) {
        return "42[\"join\",{\"roomId\":\"" + room + "\"}]";
    }
}
