package io.switchboard.redis;

import java.util.List;

/** One PUBLISH: a frame of consecutive deliveries for one node's inbox channel. Holds arrays, so not a record. */
final class Packet {
    private final byte[] channel;
    private final byte[] frame;
    private final List<Outgoing> deliveries;

    Packet(byte[] channel, byte[] frame, List<Outgoing> deliveries) {
        this.channel = channel;
        this.frame = frame;
        this.deliveries = deliveries;
    }

    byte[] channel() {
        return channel;
    }

    byte[] frame() {
        return frame;
    }

    List<Outgoing> deliveries() {
        return deliveries;
    }
}
