package io.switchboard.server.engineio;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.switchboard.core.message.Event;
import io.switchboard.core.session.CloseReason;
import io.switchboard.core.session.PeerSink;
import io.switchboard.protocol.Dialect;
import io.switchboard.server.transport.ByteBufSink;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's outbound port for one Socket.IO socket (one namespace of one Engine.IO session). Events are encoded on
 * the caller's thread by the app's dialect into an Engine.IO message ({@code 4} + the Socket.IO packet) and handed
 * to the session's loop; an event the dialect has no message for (it writes nothing) is dropped.
 */
final class SocketIoPeerSink implements PeerSink {
    private static final Logger log = LoggerFactory.getLogger(SocketIoPeerSink.class);

    private final EngineIoSession session;
    private final SocketIoConnection connection;
    private final String namespace;
    private final Dialect dialect;
    private final long budget;
    private final AtomicLong inTransit = new AtomicLong();
    private volatile boolean closed;

    SocketIoPeerSink(
            EngineIoSession session, SocketIoConnection connection, String namespace, Dialect dialect, long budget) {
        this.session = session;
        this.connection = connection;
        this.namespace = namespace;
        this.dialect = dialect;
        this.budget = budget;
    }

    @Override
    public void send(Event event) {
        if (closed) {
            return;
        }
        ByteBuf buf = ByteBufAllocator.DEFAULT.ioBuffer(128);
        buf.writeByte('4');
        int start = buf.writerIndex();
        try {
            dialect.encode(event, new ByteBufSink(buf));
        } catch (RuntimeException e) {
            buf.release();
            log.warn("encoding {} failed", event.getClass().getSimpleName(), e);
            return;
        }
        if (buf.writerIndex() == start) {
            buf.release(); // the app has no message for this event
            return;
        }
        if (!"/".equals(namespace)) {
            buf = withNamespace(buf, start);
        }
        OutboundPacket packet = new OutboundPacket(buf, false);
        if (session.loop().inEventLoop()) {
            session.send(packet);
            return;
        }
        int size = packet.size();
        if (inTransit.addAndGet(size) > budget) {
            inTransit.addAndGet(-size);
            buf.release();
            close(CloseReason.SLOW_CONSUMER);
            return;
        }
        session.loop().execute(() -> {
            inTransit.addAndGet(-size);
            session.send(packet);
        });
    }

    @Override
    public void close(CloseReason reason) {
        if (closed) {
            return;
        }
        closed = true;
        if (session.loop().inEventLoop()) {
            connection.disconnectFromServer(namespace, reason);
        } else {
            session.loop().execute(() -> connection.disconnectFromServer(namespace, reason));
        }
    }

    @Override
    public boolean isOpen() {
        return !closed && !session.isClosed();
    }

    /** Marks the sink closed without a disconnect packet (the client or the transport ended it). */
    void markClosed() {
        closed = true;
    }

    /** Rewrites {@code 4<type><data>} as {@code 4<type><namespace>,<data>}. */
    private ByteBuf withNamespace(ByteBuf buf, int start) {
        byte[] prefix = (namespace + ",").getBytes(StandardCharsets.UTF_8);
        ByteBuf out = ByteBufAllocator.DEFAULT.ioBuffer(buf.readableBytes() + prefix.length);
        out.writeByte('4');
        out.writeByte(buf.getByte(start));
        out.writeBytes(prefix);
        out.writeBytes(buf, start + 1, buf.writerIndex() - start - 1);
        buf.release();
        return out;
    }
}
