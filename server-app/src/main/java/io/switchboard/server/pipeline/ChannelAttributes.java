package io.switchboard.server.pipeline;

import io.netty.util.AttributeKey;
import io.switchboard.core.network.ClientAddress;

/** Per-channel values handed from one pipeline step to a later one. */
final class ChannelAttributes {
    /** The client's address as the router derived it from the upgrade request. */
    static final AttributeKey<ClientAddress> CLIENT_ADDRESS = AttributeKey.valueOf("switchboard.clientAddress");

    private ChannelAttributes() {}
}
