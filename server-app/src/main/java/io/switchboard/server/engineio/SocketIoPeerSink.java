package io.switchboard.server.engineio;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.switchboard.core.message.Event;
import io.switchboard.core.session.CloseReason;
import io.switchboard.core.session.PeerSink;
import io.switchboard.protocol.Dialect;
import io.switchboard.server.transport.ByteBufSink;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
        List<OutboundPacket> packets = packets(buf, event);
        if (session.loop().inEventLoop()) {
            packets.forEach(session::send);
            return;
        }
        long size = 0;
        for (OutboundPacket packet : packets) {
            size += packet.size();
        }
        long bytes = size;
        if (inTransit.addAndGet(bytes) > budget) {
            inTransit.addAndGet(-bytes);
            packets.forEach(p -> p.content().release());
            close(CloseReason.SLOW_CONSUMER);
            return;
        }
        session.loop().execute(() -> {
            inTransit.addAndGet(-bytes);
            packets.forEach(session::send);
        });
    }

    /** The text packet, then one binary packet per attachment of the event (binary events and acks). */
    private static List<OutboundPacket> packets(ByteBuf text, Event event) {
        List<byte[]> attachments = event instanceof Event.Emitted emitted
                ? emitted.attachments()
                : event instanceof Event.Acknowledged ack ? ack.attachments() : List.of();
        if (attachments.isEmpty()) {
            return List.of(new OutboundPacket(text, false));
        }
        List<OutboundPacket> packets = new ArrayList<>(attachments.size() + 1);
        packets.add(new OutboundPacket(text, false));
        for (byte[] attachment : attachments) {
            packets.add(new OutboundPacket(Unpooled.wrappedBuffer(attachment), true));
        }
        return packets;
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

    /** Rewrites {@code 4<type>[<n>-]<rest>} as {@code 4<type>[<n>-]<namespace>,<rest>}. */
    private ByteBuf withNamespace(ByteBuf buf, int start) {
        int headerEnd = start + 1;
        if (buf.getByte(start) == '5' || buf.getByte(start) == '6') {
            while (buf.getByte(headerEnd) != '-') {
                headerEnd++;
            }
            headerEnd++;
        }
        byte[] prefix = (namespace + ",").getBytes(StandardCharsets.UTF_8);
        ByteBuf out = ByteBufAllocator.DEFAULT.ioBuffer(buf.readableBytes() + prefix.length);
        out.writeBytes(buf, 0, headerEnd);
        out.writeBytes(prefix);
        out.writeBytes(buf, headerEnd, buf.writerIndex() - headerEnd);
        buf.release();
        return out;
    }
}
