package io.switchboard.server.engineio;

import io.netty.buffer.Unpooled;
import io.netty.util.concurrent.ScheduledFuture;
import io.switchboard.core.Nullable;
import io.switchboard.core.id.IdGenerator;
import io.switchboard.core.id.SessionId;
import io.switchboard.core.message.RawJson;
import io.switchboard.core.network.ClientAddress;
import io.switchboard.core.session.CloseReason;
import io.switchboard.core.session.Session;
import io.switchboard.core.session.SessionInfo;
import io.switchboard.protocol.Decoded;
import io.switchboard.protocol.Dialect;
import io.switchboard.protocol.json.JsonBytes;
import io.switchboard.protocol.socketio.SocketIoHeader;
import io.switchboard.protocol.socketio.SocketIoPacketType;
import io.switchboard.protocol.socketio.SocketIoPayloads;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Socket.IO v5 layer of one Engine.IO session: namespace CONNECT/DISCONNECT, events to the app's dialect and
 * node, binary attachments, and the protocol errors after which the reference server closes the connection
 * (unknown packet type, bad payload, packets for a namespace not connected, attachments out of place). Runs on the
 * session's loop.
 */
final class SocketIoConnection implements EngineIoListener {
    private static final Logger log = LoggerFactory.getLogger(SocketIoConnection.class);
    private static final String SOCKET_ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final int SOCKET_ID_LENGTH = 20;

    private final EngineIoSession session;
    private final SocketIoApp app;
    private final ClientAddress address;
    private final String userAgent;
    private final IdGenerator ids;
    private final EngineIoConfig config;
    private final long budget;
    // Nearly every connection opens one namespace: a table of 2, not HashMap's default of 16 (~70 B per connection).
    private final Map<String, Socket> sockets = new HashMap<>(2);
    private @Nullable Reconstruction reconstruction;
    private @Nullable ScheduledFuture<?> connectDeadline;

    private SocketIoConnection(EngineIoSession session, Factory factory) {
        this.session = session;
        this.app = factory.app();
        this.address = factory.address();
        this.userAgent = factory.userAgent();
        this.ids = factory.ids();
        this.config = factory.config();
        this.budget = factory.budget();
    }

    /** Arms the connect timeout: a session that connects to no namespace in time is closed. */
    @Override
    public void start() {
        connectDeadline = session.loop()
                .schedule(
                        () -> {
                            if (sockets.isEmpty()) {
                                session.close("connect timeout", CloseReason.NORMAL);
                            }
                        },
                        config.connectTimeout().toMillis(),
                        TimeUnit.MILLISECONDS);
    }

    /** How many namespaces the client is connected to. */
    int socketCount() {
        return sockets.size();
    }

    /** One Engine.IO message holding text: a Socket.IO packet. */
    @Override
    public void onText(byte[] packet, int offset, int length) {
        if (reconstruction != null) {
            protocolError("text packet while waiting for attachments");
            return;
        }
        SocketIoHeader header = SocketIoHeader.parse(packet, offset, length);
        if (header == null || !SocketIoPayloads.isValid(header, packet)) {
            protocolError("malformed packet");
            return;
        }
        switch (header.type()) {
            case CONNECT -> connect(
                    header.namespace(),
                    header.hasData()
                            ? RawJson.wrap(packet, header.dataOffset(), header.dataLength())
                            : SessionInfo.NO_HANDSHAKE);
            case DISCONNECT -> clientDisconnect(header.namespace());
            case EVENT, BINARY_EVENT, ACK, BINARY_ACK -> onDataPacket(header, packet);
            case CONNECT_ERROR -> protocolError("CONNECT_ERROR from a client");
        }
    }

    /** One Engine.IO message holding binary: an attachment of the packet being reconstructed. */
    @Override
    public void onBinary(byte[] attachment) {
        Reconstruction pending = reconstruction;
        if (pending == null) {
            protocolError("attachment without a binary packet");
            return;
        }
        pending.attachments().add(attachment);
        if (pending.attachments().size() == pending.header().attachments()) {
            reconstruction = null;
            dispatch(pending.header(), pending.packet(), pending.attachments());
        }
    }

    /** The session ended: every socket is closed in the core. */
    @Override
    public void onClose(String reason) {
        if (connectDeadline != null) {
            connectDeadline.cancel(false);
        }
        reconstruction = null;
        for (Socket socket : sockets.values()) {
            socket.sink().markClosed();
            app.node().closed(socket.session());
        }
        sockets.clear();
    }

    /**
     * The server ends the socket on {@code namespace} ({@code 41}), then closes the whole connection, as the
     * reference server's {@code socket.disconnect(true)} does.
     */
    void disconnectFromServer(String namespace, CloseReason reason) {
        Socket socket = sockets.remove(namespace);
        if (socket != null) {
            sendPacket(SocketIoPacketType.DISCONNECT, namespace, null);
            app.node().closed(socket.session());
        }
        session.close("server disconnect", reason);
    }

    private void onDataPacket(SocketIoHeader header, byte[] packet) {
        if (!sockets.containsKey(header.namespace())) {
            protocolError("packet for namespace " + header.namespace() + " that is not connected");
            return;
        }
        if (header.type().isBinary() && header.attachments() > 0) {
            reconstruction = new Reconstruction(header, packet, new ArrayList<>(header.attachments()));
            return;
        }
        dispatch(header, packet, List.of());
    }

    private void dispatch(SocketIoHeader header, byte[] packet, List<byte[]> attachments) {
        if (header.type() == SocketIoPacketType.ACK || header.type() == SocketIoPacketType.BINARY_ACK) {
            return; // no app asks its clients for acknowledgements, so there is nothing to match
        }
        Socket socket = sockets.get(header.namespace());
        if (socket == null) {
            return;
        }
        Dialect dialect = socket.dialect();
        Decoded decoded;
        try {
            decoded =
                    dialect.decodeEvent(packet, header.dataOffset(), header.dataLength(), attachments, header.ackId());
        } catch (RuntimeException e) {
            log.warn("{} failed to decode an event from {}", dialect.app(), socket.session(), e);
            return;
        }
        if (decoded instanceof Decoded.Ok ok) {
            app.node().handle(socket.session(), ok.command());
        } else if (decoded instanceof Decoded.Invalid invalid) {
            if (invalid.code() == io.switchboard.core.error.ErrorCode.BAD_MESSAGE) {
                protocolError("malformed event: " + invalid.detail());
            } else {
                log.debug("dropped an event from {}: {}", socket.session(), invalid.detail());
            }
        }
    }

    private void connect(String namespace, RawJson handshake) {
        Dialect dialect = app.dialect(namespace);
        if (dialect == null) {
            sendPacket(SocketIoPacketType.CONNECT_ERROR, namespace, "{\"message\":\"Invalid namespace\"}");
            return;
        }
        if (sockets.containsKey(namespace)) {
            return; // the reference ignores a second CONNECT to a connected namespace
        }
        SocketIoPeerSink sink = new SocketIoPeerSink(session, this, namespace, dialect, budget);
        SessionId id;
        do {
            id = new SessionId(ids.randomString(SOCKET_ID_ALPHABET, SOCKET_ID_LENGTH));
        } while (app.node().sessions().get(id) != null);
        // The CONNECT answer must precede anything the app sends, so it is queued before the app sees the socket.
        sendPacket(SocketIoPacketType.CONNECT, namespace, connectAnswer(id));
        Session opened = app.node().open(dialect.app(), id, address, userAgent, dialect.initialName(), handshake, sink);
        if (opened == null) {
            protocolError("socket id taken meanwhile");
            return;
        }
        sockets.put(namespace, new Socket(opened, sink, dialect));
        if (connectDeadline != null) {
            connectDeadline.cancel(false);
            connectDeadline = null;
        }
    }

    private void clientDisconnect(String namespace) {
        Socket socket = sockets.remove(namespace);
        if (socket != null) {
            socket.sink().markClosed();
            app.node().closed(socket.session());
        }
    }

    private void protocolError(String reason) {
        log.debug("closing engine.io session {}: {}", session.sid(), reason);
        session.close("parse error", CloseReason.PROTOCOL_ERROR);
    }

    private void sendPacket(SocketIoPacketType type, String namespace, @Nullable String data) {
        StringBuilder text = new StringBuilder(64).append('4').append(type.digit());
        if (!"/".equals(namespace)) {
            text.append(namespace).append(',');
        }
        if (data != null) {
            text.append(data);
        }
        session.send(
                new OutboundPacket(Unpooled.wrappedBuffer(text.toString().getBytes(StandardCharsets.UTF_8)), false));
    }

    private static String connectAnswer(SessionId id) {
        io.switchboard.protocol.ByteArraySink sink = new io.switchboard.protocol.ByteArraySink(40);
        sink.write(JsonBytes.constant("{\"sid\":"));
        JsonBytes.writeString(sink, id.value());
        sink.write('}');
        return sink.toString();
    }

    /** A connected namespace: its core session and outbound port. */
    private record Socket(Session session, SocketIoPeerSink sink, Dialect dialect) {}

    /** A binary packet waiting for its attachments. */
    private static final class Reconstruction {
        private final SocketIoHeader header;
        private final byte[] packet;
        private final List<byte[]> attachments;

        private Reconstruction(SocketIoHeader header, byte[] packet, List<byte[]> attachments) {
            this.header = header;
            this.packet = packet;
            this.attachments = attachments;
        }

        SocketIoHeader header() {
            return header;
        }

        byte[] packet() {
            return packet;
        }

        List<byte[]> attachments() {
            return attachments;
        }
    }

    /**
     * Makes the Socket.IO layer of a new session; carries what the session learned at its handshake.
     *
     * @param app the app
     * @param address the client's address
     * @param userAgent the client's user agent
     * @param ids random ids
     * @param config the Engine.IO settings
     * @param budget the outbound budget
     */
    record Factory(
            SocketIoApp app,
            ClientAddress address,
            String userAgent,
            IdGenerator ids,
            EngineIoConfig config,
            long budget)
            implements EngineIoListener.Factory {
        @Override
        public SocketIoConnection create(EngineIoSession session) {
            return new SocketIoConnection(session, this);
        }
    }
}
