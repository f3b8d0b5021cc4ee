package io.switchboard.server.bench;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

/** DropSilk (PROTOCOLS.md §1.4–1.5): the host creates a flight, the guest joins it, signals go through the flight. */
final class DropSilkBenchProtocol implements BenchProtocol {
    private static final String PEER_JOINED = "\"type\":\"peer-joined\"";

    /** The frame of a DropSilk signal: {@code {"type":"signal","data":{"candidate"|"sdp":{…}}}}. */
    static String signalFrame(Payload payload, long seq, long sentNanos) {
        StringBuilder out = new StringBuilder(payload == Payload.CANDIDATE ? 320 : 3600)
                .append("{\"type\":\"signal\",\"data\":{\"")
                .append(payload.dropSilkKey())
                .append("\":");
        return payload.appendObject(out, seq, sentNanos).append("}}").toString();
    }

    @Override
    public String name() {
        return "dropsilk";
    }

    @Override
    public URI webSocketUri(URI url) {
        return url;
    }

    @Override
    public boolean greeting(Peer peer, String text) {
        return text.startsWith("{\"type\":\"registered\"");
    }

    @Override
    public boolean isError(String text) {
        return text.startsWith("{\"type\":\"error\"");
    }

    @Override
    public CompletableFuture<Void> pairUp(Peer host, Peer guest) {
        return host.request("{\"type\":\"create-flight\"}", "\"type\":\"flight-created\"")
                .thenCompose(created -> {
                    String code = BenchProtocol.stringField(created, "flightCode");
                    CompletableFuture<String> hostJoined = host.expect(PEER_JOINED);
                    CompletableFuture<String> guestJoined =
                            guest.request("{\"type\":\"join-flight\",\"flightCode\":\"" + code + "\"}", PEER_JOINED);
                    return CompletableFuture.allOf(hostJoined, guestJoined);
                });
    }

    @Override
    public CompletableFuture<Void> joinCycle(BenchClient client, int index) {
        return client.connectPair(index).thenCompose(pair -> Peer.closeAfter(pairUp(pair.get(0), pair.get(1)), pair));
    }

    @Override
    public String signal(Peer from, Peer to, Payload payload, long seq, long sentNanos) {
        return signalFrame(payload, seq, sentNanos);
    }
}
