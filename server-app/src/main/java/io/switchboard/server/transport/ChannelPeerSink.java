package io.switchboard.server.transport;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.switchboard.core.message.Event;
import io.switchboard.core.session.CloseReason;
import io.switchboard.core.session.PeerSink;
import io.switchboard.protocol.Dialect;
import io.switchboard.server.metrics.SwitchboardMetrics;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's outbound port over one WebSocket channel.
 *
 * <p>{@link #send} encodes on the caller's thread straight into a pooled buffer and writes on the channel's event
 * loop. Writes are not flushed one by one: the first write of a loop tick schedules one flush at the end of the tick.
 * Back-pressure: bytes queued towards the client (in tasks not yet run plus Netty's outbound buffer) may not exceed
 * the budget; a client that reads too slowly is closed with {@link CloseReason#SLOW_CONSUMER}, so memory per slow
 * reader stays bounded.
 */
public final class ChannelPeerSink implements PeerSink {
    private static final Logger log = LoggerFactory.getLogger(ChannelPeerSink.class);
    private static final long CLOSE_GRACE_MILLIS = 2_000;

    private final Channel channel;
    private final Dialect dialect;
    private final long budget;
    private final AtomicLong inTransit = new AtomicLong();
    private final Runnable flushTask = this::flushNow;
    private boolean flushScheduled; // event loop only
    private volatile boolean closed;

    /** Creates a sink for {@code channel}, encoding with {@code dialect}, closing slow readers past {@code budget}. */
    public ChannelPeerSink(Channel channel, Dialect dialect, long budget) {
        this.channel = requireNonNull(channel, "channel");
        this.dialect = requireNonNull(dialect, "dialect");
        this.budget = budget;
    }

    @Override
    public void send(Event event) {
        if (closed) {
            return;
        }
        ByteBuf buf = channel.alloc().ioBuffer(sizeHint(event));
        try {
            dialect.encode(event, new ByteBufSink(buf));
        } catch (RuntimeException e) {
            buf.release();
            log.warn("encoding {} for {} failed", event.getClass().getSimpleName(), channel, e);
            return;
        }
        TextWebSocketFrame frame = new TextWebSocketFrame(buf);
        EventLoop loop = channel.eventLoop();
        if (loop.inEventLoop()) {
            write(frame);
            return;
        }
        int size = buf.readableBytes();
        if (inTransit.addAndGet(size) > budget) {
            inTransit.addAndGet(-size);
            frame.release();
            close(CloseReason.SLOW_CONSUMER);
            return;
        }
        loop.execute(() -> {
            inTransit.addAndGet(-size);
            write(frame);
        });
    }

    @Override
    public void close(CloseReason reason) {
        if (closed) {
            return;
        }
        closed = true;
        EventLoop loop = channel.eventLoop();
        if (loop.inEventLoop()) {
            closeNow(reason);
        } else {
            loop.execute(() -> closeNow(reason));
        }
    }

    @Override
    public boolean isOpen() {
        return !closed && channel.isActive();
    }

    private void write(TextWebSocketFrame frame) {
        // Not `closed`: an event sent before close() was called still goes out ahead of the close frame.
        if (!channel.isActive()) {
            frame.release();
            return;
        }
        if (!channel.isWritable() && pendingBytes() + frame.content().readableBytes() > budget) {
            frame.release();
            log.debug("closing slow consumer {}", channel);
            close(CloseReason.SLOW_CONSUMER);
            return;
        }
        channel.write(frame, channel.voidPromise());
        if (!flushScheduled) {
            flushScheduled = true;
            channel.eventLoop().execute(flushTask);
        }
    }

    private void flushNow() {
        flushScheduled = false;
        channel.flush();
    }

    private void closeNow(CloseReason reason) {
        if (!channel.isActive()) {
            return;
        }
        channel.writeAndFlush(new CloseWebSocketFrame(reason.code(), reason.reason()))
                .addListener(ChannelFutureListener.CLOSE);
        SwitchboardMetrics.countClose(channel, reason.code());
        // A client that never reads would keep the close frame queued forever.
        channel.eventLoop().schedule(() -> channel.close(), CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
    }

    private long pendingBytes() {
        ChannelOutboundBuffer outbound = channel.unsafe().outboundBuffer();
        return outbound == null ? 0 : outbound.totalPendingWriteBytes();
    }

    private static int sizeHint(Event event) {
        if (event instanceof Event.SignalRelayed relayed) {
            return relayed.payload().length() + 32;
        }
        return 128;
    }
}
