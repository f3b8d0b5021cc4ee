package io.switchboard.server.bench;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The reference relay ({@code switchboard reference-relay}): both peers of a pair connect to {@code /pair/<key>} with a
 * key of their own, the upgrade is the greeting, and the relay's {@code paired} tells both that the pair is complete.
 * Signals are DropSilk's frames byte for byte, which the relay forwards unchanged, so a run against it sends exactly
 * the bytes a DropSilk run sends. Thread-safe.
 */
final class ReferenceBenchProtocol implements BenchProtocol {
    private static final String PAIRED = "paired";

    /** Keeps two bench processes against one relay from sharing keys. */
    private final String keyPrefix = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);

    private final AtomicLong keys = new AtomicLong();

    @Override
    public String name() {
        return "reference";
    }

    @Override
    public URI webSocketUri(URI url) {
        return url;
    }

    @Override
    public URI pairUri(URI webSocketUri) {
        return webSocketUri.resolve("/pair/" + keyPrefix + "-" + keys.incrementAndGet());
    }

    @Override
    public boolean readyOnUpgrade() {
        return true;
    }

    @Override
    public boolean greeting(Peer peer, String text) {
        if (PAIRED.equals(text)) {
            peer.paired().complete(null);
            return true;
        }
        return false;
    }

    @Override
    public boolean isError(String text) {
        return false; // the relay has no error messages: it only closes
    }

    @Override
    public CompletableFuture<Void> pairUp(Peer host, Peer guest) {
        return CompletableFuture.allOf(host.paired(), guest.paired());
    }

    @Override
    public CompletableFuture<Void> joinCycle(BenchClient client, int index) {
        return client.connectPair(index).thenCompose(pair -> Peer.closeAfter(pairUp(pair.get(0), pair.get(1)), pair));
    }

    @Override
    public String signal(Peer from, Peer to, Payload payload, long seq, long sentNanos) {
        return DropSilkBenchProtocol.signalFrame(payload, seq, sentNanos);
    }
}
