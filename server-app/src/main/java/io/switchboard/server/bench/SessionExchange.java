package io.switchboard.server.bench;

import java.util.concurrent.CompletableFuture;

/**
 * One WebRTC negotiation between a paired host and guest, as browsers do it: the host sends an offer, the guest
 * answers and trickles {@value #CANDIDATES} ICE candidates, the host trickles its {@value #CANDIDATES} once it has the
 * answer. Each side checks that it receives sequence numbers 0 (the offer or the answer) to {@value #CANDIDATES} once
 * and in order. Completes when both sides have everything; fails on a server error, a close or a wrong first
 * message. Both peers share an event loop, on which every method but {@link #run()} runs.
 */
final class SessionExchange {
    /** The ICE candidates each side sends. */
    static final int CANDIDATES = 10;

    /** The signals one session relays: the offer, the answer and both sides' candidates. */
    static final int SIGNALS = 2 + 2 * CANDIDATES;

    private final BenchProtocol dialect;
    private final Peer host;
    private final Peer guest;
    private final CompletableFuture<Checks> done = new CompletableFuture<>();
    private final Side hostSide;
    private final Side guestSide;

    SessionExchange(BenchProtocol dialect, Peer host, Peer guest) {
        this.dialect = dialect;
        this.host = host;
        this.guest = guest;
        this.hostSide = new Side(host, guest, "\"type\":\"answer\"");
        this.guestSide = new Side(guest, host, "\"type\":\"offer\"");
    }

    /** Starts the negotiation; completes with the ordering checks when both sides received everything. */
    CompletableFuture<Checks> run() {
        host.channel().eventLoop().execute(() -> {
            host.listen(hostSide);
            guest.listen(guestSide);
            host.send(dialect.signal(host, guest, Payload.OFFER, 0, System.nanoTime()));
        });
        return done;
    }

    private void sideDone() {
        if (hostSide.complete() && guestSide.complete()) {
            done.complete(new Checks(
                    hostSide.sequence.duplicates() + guestSide.sequence.duplicates(),
                    hostSide.sequence.outOfOrder() + guestSide.sequence.outOfOrder()));
        }
    }

    /**
     * What the session's receivers saw besides the expected signals.
     *
     * @param duplicates signals received twice
     * @param outOfOrder signals received out of order
     */
    record Checks(long duplicates, long outOfOrder) {}

    /** One peer's receiving end: the first signal it expects, then the candidates. */
    private final class Side implements Peer.Listener {
        private final Peer self;
        private final Peer partner;
        private final String firstType;
        private final SequenceCheck sequence = new SequenceCheck();

        Side(Peer self, Peer partner, String firstType) {
            this.self = self;
            this.partner = partner;
            this.firstType = firstType;
        }

        boolean complete() {
            return sequence.received() == CANDIDATES + 1;
        }

        @Override
        public void text(String text) {
            long seq = RelayPair.longField(text, "\"benchSeq\":");
            if (seq < 0 || seq > CANDIDATES || done.isDone()) {
                return; // a peer list or other chatter
            }
            if (!sequence.record(seq)) {
                return;
            }
            if (seq == 0) {
                if (!text.contains(firstType)) {
                    done.completeExceptionally(new IllegalStateException("expected " + firstType + ": " + text));
                    return;
                }
                if (self == guest) {
                    self.send(dialect.signal(self, partner, Payload.ANSWER, 0, System.nanoTime()));
                }
                for (int i = 1; i <= CANDIDATES; i++) {
                    self.send(dialect.signal(self, partner, Payload.CANDIDATE, i, System.nanoTime()));
                }
            }
            if (complete()) {
                sideDone();
            }
        }

        @Override
        public void error(String text) {
            done.completeExceptionally(new IllegalStateException("server: " + text));
        }

        @Override
        public void closed() {
            done.completeExceptionally(new IllegalStateException("connection closed during the session"));
        }
    }
}
