package io.switchboard.server.bench;

/**
 * One host and guest of the relay scenario, whatever drives the host's sends: the closed loop ({@link RelayPair}) or
 * the open loop ({@link OpenLoopPair}). Both peers share an event loop, on which every method runs.
 */
interface RelayLoop extends Peer.Listener {
    /** Starts listening on both peers and sending. */
    void start();

    /** Adds this pair's counters and histogram to {@code total}. */
    void addTo(RelayTotals total);

    /** The sending peer. */
    Peer host();

    /** The receiving peer. */
    Peer guest();
}
