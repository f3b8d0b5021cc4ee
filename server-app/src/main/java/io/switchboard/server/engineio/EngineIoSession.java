package io.switchboard.server.engineio;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.concurrent.ScheduledFuture;
import io.switchboard.core.Nullable;
import io.switchboard.core.session.CloseReason;
import io.switchboard.protocol.engineio.EngineIoPacketType;
import io.switchboard.protocol.engineio.PollingPayload;
import io.switchboard.server.metrics.SwitchboardMetrics;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Engine.IO session: its transport (long-polling or WebSocket, and the upgrade from one to the other), the
 * server's heartbeat, and the outbound queue. All state lives on one event loop ({@link #loop()}); requests and
 * frames that arrive on other loops are handed over with {@code execute}.
 *
 * <p>Back-pressure: bytes waiting for a client (the polling queue, or Netty's outbound buffer for a WebSocket) may
 * not exceed the outbound budget; a client that falls behind is closed rather than buffered without bound.
 */
final class EngineIoSession {
    private static final Logger log = LoggerFactory.getLogger(EngineIoSession.class);
    private static final byte[] PING = {'2'};
    private static final byte[] NOOP = {'6'};
    private static final byte[] CLOSE = {'1'};
    private static final long OWED_NOOP_GRACE_MILLIS = 1000;

    private final String sid;
    private final EventLoop loop;
    private final EngineIoServer server;
    private final EngineIoConfig config;
    private final long budget;
    private final EngineIoListener listener;
    // Small at first: an idle session's queue stays empty, and ArrayDeque's default is 16 slots (~90 B) per session.
    private final ArrayDeque<OutboundPacket> queue = new ArrayDeque<>(2);
    private long queuedBytes;
    private @Nullable Channel webSocket;
    private @Nullable Channel probe;
    private @Nullable PendingPoll pendingPoll;
    private @Nullable ScheduledFuture<?> pingTask;
    private @Nullable ScheduledFuture<?> pongDeadline;
    private @Nullable ScheduledFuture<?> upgradeDeadline;
    private boolean flushScheduled;
    private boolean noopOwed;
    private volatile boolean closed;

    EngineIoSession(String sid, EventLoop loop, EngineIoServer server, EngineIoListener.Factory listener) {
        this.sid = sid;
        this.loop = loop;
        this.server = server;
        this.config = server.config();
        this.budget = server.outboundBudget();
        this.listener = listener.create(this);
    }

    String sid() {
        return sid;
    }

    EventLoop loop() {
        return loop;
    }

    boolean isWebSocket() {
        return webSocket != null;
    }

    boolean isClosed() {
        return closed;
    }

    /** Starts the heartbeat and the namespace connect timer; the open packet was sent by the caller. */
    void start() {
        schedulePing();
        listener.start();
    }

    /** Makes {@code channel}, whose handshake just completed without a sid, this session's transport. */
    void useWebSocket(Channel channel) {
        webSocket = channel;
        channel.closeFuture().addListener(f -> loop.execute(() -> close("transport close", CloseReason.NORMAL)));
    }

    // ---- outbound ----------------------------------------------------------------------------------------------

    /** Queues one packet for the client; must run on {@link #loop()}. Takes ownership of the buffer. */
    void send(OutboundPacket packet) {
        if (closed) {
            packet.content().release();
            return;
        }
        Channel ws = webSocket;
        if (ws != null) {
            writeWebSocket(ws, packet);
            return;
        }
        if (queuedBytes + packet.size() > budget) {
            packet.content().release();
            log.debug("closing slow polling client {}", sid);
            close("slow consumer", CloseReason.SLOW_CONSUMER);
            return;
        }
        queue.add(packet);
        queuedBytes += packet.size();
        if (pendingPoll != null && !flushScheduled) {
            // One response per loop tick carries every packet queued during it.
            flushScheduled = true;
            loop.execute(this::flushPoll);
        }
    }

    private void writeWebSocket(Channel ws, OutboundPacket packet) {
        if (!ws.isWritable() && pendingBytes(ws) + packet.size() > budget) {
            packet.content().release();
            log.debug("closing slow WebSocket client {}", sid);
            close("slow consumer", CloseReason.SLOW_CONSUMER);
            return;
        }
        WebSocketFrame frame =
                packet.binary() ? new BinaryWebSocketFrame(packet.content()) : new TextWebSocketFrame(packet.content());
        ws.write(frame, ws.voidPromise());
        if (!flushScheduled) {
            flushScheduled = true;
            loop.execute(() -> {
                flushScheduled = false;
                ws.flush();
            });
        }
    }

    private static long pendingBytes(Channel channel) {
        var outbound = channel.unsafe().outboundBuffer();
        return outbound == null ? 0 : outbound.totalPendingWriteBytes();
    }

    // ---- polling -----------------------------------------------------------------------------------------------

    /** A long-polling GET: answered at once when packets wait, otherwise held until one does. */
    void onPollingGet(ChannelHandlerContext ctx, PollingResponses responses) {
        if (pendingPoll != null) {
            // The reference calls this "overlap from client": two GETs at once break the transport.
            responses.error(ctx, HttpResponseStatus.BAD_REQUEST, null);
            close("transport error", CloseReason.PROTOCOL_ERROR);
            return;
        }
        if (probe != null) {
            // Upgrading: the reference answers polls with a noop so the client's polling loop pauses.
            responses.payload(ctx, Unpooled.wrappedBuffer(NOOP));
            return;
        }
        pendingPoll = new PendingPoll(ctx, responses);
        ctx.channel()
                .closeFuture()
                .addListener(f -> loop.execute(() -> {
                    if (pendingPoll != null && pendingPoll.ctx() == ctx) {
                        pendingPoll = null; // the client went away while waiting
                    }
                }));
        if (!queue.isEmpty() || closed) {
            flushPoll();
        }
    }

    /** A long-polling POST: every packet of the payload is handled, then {@code ok}. */
    void onPollingPost(ChannelHandlerContext ctx, byte[] body, PollingResponses responses) {
        if (body.length > config.maxPayload()) {
            responses.error(ctx, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, null);
            close("transport error", CloseReason.TOO_BIG);
            return;
        }
        List<PollingPayload.Packet> packets = PollingPayload.decode(body, 0, body.length);
        if (packets == null || !allWellFormed(packets)) {
            // Checked before answering, so a client learns of its bad payload from the POST itself (400).
            responses.error(ctx, HttpResponseStatus.BAD_REQUEST, null);
            close("parse error", CloseReason.PROTOCOL_ERROR);
            return;
        }
        responses.ok(ctx);
        for (PollingPayload.Packet packet : packets) {
            if (closed) {
                return;
            }
            if (packet.binary()) {
                listener.onBinary(packet.bytes());
            } else {
                onTextPacket(packet.bytes());
            }
        }
    }

    private static boolean allWellFormed(List<PollingPayload.Packet> packets) {
        for (PollingPayload.Packet packet : packets) {
            if (!packet.binary() && EngineIoPacketType.of(packet.bytes()[0]) == null) {
                return false;
            }
        }
        return true;
    }

    private void flushPoll() {
        flushScheduled = false;
        PendingPoll poll = pendingPoll;
        if (poll == null) {
            return;
        }
        pendingPoll = null;
        if (queue.isEmpty() && closed) {
            poll.responses().payload(poll.ctx(), Unpooled.wrappedBuffer(CLOSE));
            return;
        }
        ByteBuf payload = poll.ctx().alloc().buffer((int) Math.min(Integer.MAX_VALUE, queuedBytes + queue.size() * 2L));
        boolean first = true;
        for (OutboundPacket packet = queue.poll(); packet != null; packet = queue.poll()) {
            if (!first) {
                payload.writeByte(PollingPayload.SEPARATOR);
            }
            first = false;
            if (packet.binary()) {
                payload.writeByte('b');
                ByteBuf encoded = io.netty.handler.codec.base64.Base64.encode(packet.content(), false);
                payload.writeBytes(encoded);
                encoded.release();
            } else {
                payload.writeBytes(packet.content());
            }
            packet.content().release();
        }
        queuedBytes = 0;
        poll.responses().payload(poll.ctx(), payload);
    }

    // ---- inbound -----------------------------------------------------------------------------------------------

    /** One WebSocket frame from this session's transport. */
    void onWebSocketFrame(Channel channel, WebSocketFrame frame) {
        if (channel == probe) {
            onProbeFrame(channel, frame);
            return;
        }
        if (channel != webSocket || closed) {
            return;
        }
        if (frame instanceof BinaryWebSocketFrame) {
            listener.onBinary(io.netty.buffer.ByteBufUtil.getBytes(frame.content()));
        } else if (frame instanceof TextWebSocketFrame) {
            onTextPacket(io.netty.buffer.ByteBufUtil.getBytes(frame.content()));
        }
    }

    private void onTextPacket(byte[] packet) {
        EngineIoPacketType type = packet.length == 0 ? null : EngineIoPacketType.of(packet[0]);
        if (type == null) {
            close("parse error", CloseReason.PROTOCOL_ERROR);
            return;
        }
        switch (type) {
            case PONG -> onPong();
            case MESSAGE -> listener.onText(packet, 1, packet.length - 1);
            case CLOSE -> closeByClient();
            case NOOP -> {}
                // A v4 client never pings, opens or upgrades on an established transport.
            default -> close("invalid packet " + type, CloseReason.PROTOCOL_ERROR);
        }
    }

    private void closeByClient() {
        // The reference answers a poll that is still held with a noop, not with a close packet. A poll the client
        // sent before its close may still be on its way here from another event loop: it is owed that noop too, for
        // a moment, before the session is forgotten.
        PendingPoll poll = pendingPoll;
        if (poll != null) {
            pendingPoll = null;
            poll.responses().payload(poll.ctx(), Unpooled.wrappedBuffer(NOOP));
        } else {
            noopOwed = true;
        }
        close("client close", CloseReason.NORMAL);
    }

    /** Whether a poll arriving after the client's close gets the noop it was owed (once). */
    boolean takeOwedNoop() {
        boolean owed = noopOwed;
        noopOwed = false;
        if (owed) {
            server.forget(this);
        }
        return owed;
    }

    // ---- heartbeat ---------------------------------------------------------------------------------------------

    private void schedulePing() {
        pingTask = loop.schedule(this::ping, config.pingInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void ping() {
        if (closed) {
            return;
        }
        send(new OutboundPacket(Unpooled.wrappedBuffer(PING), false));
        pongDeadline = loop.schedule(
                () -> close("ping timeout", CloseReason.NORMAL),
                config.pingTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void onPong() {
        if (pongDeadline != null) {
            pongDeadline.cancel(false);
            pongDeadline = null;
            schedulePing();
        }
    }

    // ---- upgrade -----------------------------------------------------------------------------------------------

    /** A WebSocket opened with this session's sid: it must probe ({@code 2probe}) and then upgrade ({@code 5}). */
    void attachProbe(Channel channel) {
        if (closed || webSocket != null || probe != null) {
            channel.close();
            return;
        }
        probe = channel;
        upgradeDeadline = loop.schedule(
                () -> {
                    if (probe == channel) {
                        probe = null;
                        channel.close();
                    }
                },
                config.upgradeTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
        channel.closeFuture()
                .addListener(f -> loop.execute(() -> {
                    if (probe == channel) {
                        probe = null;
                    } else if (webSocket == channel) {
                        close("transport close", CloseReason.NORMAL);
                    }
                }));
    }

    private void onProbeFrame(Channel channel, WebSocketFrame frame) {
        String text = frame instanceof TextWebSocketFrame t ? t.text() : "";
        if ("2probe".equals(text)) {
            // EngineIoWebSocketHandler has answered 3probe on the channel's own loop.
            // Release the held GET, so the client's polling loop pauses and the upgrade can complete.
            if (pendingPoll != null) {
                send(new OutboundPacket(Unpooled.wrappedBuffer(NOOP), false));
            }
        } else if ("5".equals(text)) {
            completeUpgrade(channel);
        } else {
            probe = null;
            channel.close();
        }
    }

    private void completeUpgrade(Channel channel) {
        probe = null;
        if (upgradeDeadline != null) {
            upgradeDeadline.cancel(false);
        }
        if (pendingPoll != null) {
            // The reference answers the last poll with a noop so the polling transport can be discarded.
            PendingPoll poll = pendingPoll;
            pendingPoll = null;
            poll.responses().payload(poll.ctx(), Unpooled.wrappedBuffer(NOOP));
        }
        webSocket = channel;
        // A polling flush may be scheduled; it finds no poll and does nothing, so it must not stand in for the
        // WebSocket flush of what follows.
        flushScheduled = false;
        for (OutboundPacket packet = queue.poll(); packet != null; packet = queue.poll()) {
            writeWebSocket(channel, packet);
        }
        queuedBytes = 0;
    }

    // ---- close -------------------------------------------------------------------------------------------------

    /**
     * Ends the session: the Socket.IO sockets are closed, the session is forgotten, and the transport is closed (a
     * WebSocket with {@code code}; a held poll is answered with the close packet). Idempotent; on {@link #loop()}.
     */
    void close(String reason, CloseReason code) {
        if (closed) {
            return;
        }
        closed = true;
        log.debug("engine.io session {} closed: {}", sid, reason);
        cancel(pingTask);
        cancel(pongDeadline);
        cancel(upgradeDeadline);
        listener.onClose(reason);
        if (noopOwed) {
            loop.schedule(() -> server.forget(this), OWED_NOOP_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } else {
            server.forget(this);
        }
        Channel ws = webSocket;
        if (ws != null && ws.isActive()) {
            ws.writeAndFlush(new CloseWebSocketFrame(code.code(), code.reason()))
                    .addListener(ChannelFutureListener.CLOSE);
            SwitchboardMetrics.countClose(ws, code.code());
            ws.eventLoop().schedule(() -> ws.close(), 2, TimeUnit.SECONDS);
        }
        if (probe != null) {
            probe.close();
        }
        if (pendingPoll != null) {
            queue.add(new OutboundPacket(Unpooled.wrappedBuffer(CLOSE), false));
            queuedBytes += CLOSE.length;
            flushPoll();
        }
        for (OutboundPacket packet = queue.poll(); packet != null; packet = queue.poll()) {
            packet.content().release();
        }
    }

    private static void cancel(@Nullable ScheduledFuture<?> future) {
        if (future != null) {
            future.cancel(false);
        }
    }

    /** A held long-polling GET. */
    private record PendingPoll(ChannelHandlerContext ctx, PollingResponses responses) {}
}
