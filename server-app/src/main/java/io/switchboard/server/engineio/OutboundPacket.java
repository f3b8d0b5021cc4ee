package io.switchboard.server.engineio;

import io.netty.buffer.ByteBuf;

/**
 * One Engine.IO packet on its way to a client: a text packet (type digit first, e.g. {@code 42[...]}) or the raw
 * bytes of a binary attachment. The buffer is owned by whoever holds the packet.
 */
record OutboundPacket(ByteBuf content, boolean binary) {
    int size() {
        return content.readableBytes();
    }
}
