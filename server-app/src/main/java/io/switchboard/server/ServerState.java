package io.switchboard.server;

import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;

/**
 * The process-wide state the pipeline consults: whether the server is draining (readiness 503, upgrades refused) and
 * every open channel, so shutdown can close them all. Thread-safe.
 */
public final class ServerState {
    private final ChannelGroup channels = new DefaultChannelGroup("switchboard", GlobalEventExecutor.INSTANCE);
    private volatile boolean draining;

    /** Every open channel (listeners and connections). */
    public ChannelGroup channels() {
        return channels;
    }

    /** Whether shutdown has begun. */
    public boolean draining() {
        return draining;
    }

    /** Marks the start of shutdown. */
    public void startDraining() {
        draining = true;
    }
}
