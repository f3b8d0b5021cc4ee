package io.switchboard.redis;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.id.NodeId;
import io.switchboard.core.id.SessionId;
import io.switchboard.core.message.AnnounceKind;
import io.switchboard.core.message.Event;
import io.switchboard.core.message.Event.Acknowledged;
import io.switchboard.core.message.Event.Announcement;
import io.switchboard.core.message.Event.Emitted;
import io.switchboard.core.message.Event.Failed;
import io.switchboard.core.message.Event.Invited;
import io.switchboard.core.message.Event.JoinAnswer;
import io.switchboard.core.message.Event.NetworkPeers;
import io.switchboard.core.message.Event.PeerJoined;
import io.switchboard.core.message.Event.PeerLeft;
import io.switchboard.core.message.Event.PeerReady;
import io.switchboard.core.message.Event.PeerSignal;
import io.switchboard.core.message.Event.Registered;
import io.switchboard.core.message.Event.RoomCreated;
import io.switchboard.core.message.Event.RoomRevoked;
import io.switchboard.core.message.Event.ShuttingDown;
import io.switchboard.core.message.Event.SignalRelayed;
import io.switchboard.core.message.Member;
import io.switchboard.core.message.PeerSummary;
import io.switchboard.core.message.RawJson;
import io.switchboard.core.message.SignalKind;
import io.switchboard.core.network.ClientAddress;
import io.switchboard.core.network.ConnectionType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The binary form of each {@link Event} type: a one-byte tag, then the fields in declaration order. Tags are part of
 * the wire format and never reused; a new event type takes the next free tag. Enums travel by name, {@link ErrorCode}
 * by its stable number, {@link RawJson} as its bytes (decoded as a slice of the payload, not copied).
 */
final class EventCodec {
    private static final List<Format<?>> FORMATS = List.of(
            format(1, Registered.class, (w, e) -> writeSession(w, e.id()), r -> new Registered(readSession(r))),
            format(2, NetworkPeers.class, EventCodec::writeNetworkPeers, EventCodec::readNetworkPeers),
            format(3, RoomCreated.class, (w, e) -> w.writeString(e.code()), r -> new RoomCreated(r.readString())),
            format(4, PeerJoined.class, EventCodec::writePeerJoined, EventCodec::readPeerJoined),
            format(5, Invited.class, EventCodec::writeInvited, EventCodec::readInvited),
            format(6, SignalRelayed.class, EventCodec::writeSignalRelayed, EventCodec::readSignalRelayed),
            format(7, PeerLeft.class, (w, e) -> writeSession(w, e.peer()), r -> new PeerLeft(readSession(r))),
            format(8, Failed.class, EventCodec::writeFailed, EventCodec::readFailed),
            format(9, ShuttingDown.class, (w, e) -> {}, r -> new ShuttingDown()),
            format(10, JoinAnswer.class, EventCodec::writeJoinAnswer, EventCodec::readJoinAnswer),
            format(11, PeerReady.class, (w, e) -> writeSession(w, e.peer()), r -> new PeerReady(readSession(r))),
            format(12, PeerSignal.class, EventCodec::writePeerSignal, EventCodec::readPeerSignal),
            format(13, Announcement.class, EventCodec::writeAnnouncement, EventCodec::readAnnouncement),
            format(14, Emitted.class, EventCodec::writeEmitted, EventCodec::readEmitted),
            format(15, Acknowledged.class, EventCodec::writeAcknowledged, EventCodec::readAcknowledged),
            format(16, RoomRevoked.class, (w, e) -> w.writeString(e.roomId()), r -> new RoomRevoked(r.readString())));

    private static final Map<Class<?>, Format<?>> BY_TYPE = new HashMap<>();
    private static final Format<?>[] BY_TAG = new Format<?>[FORMATS.size() + 1];

    static {
        for (Format<?> format : FORMATS) {
            BY_TYPE.put(format.type(), format);
            BY_TAG[format.tag()] = format;
        }
    }

    private EventCodec() {}

    /** The event types this codec can write and read. */
    static Set<Class<?>> supportedTypes() {
        return Set.copyOf(BY_TYPE.keySet());
    }

    static void write(PayloadWriter out, Event event) {
        Format<?> format = BY_TYPE.get(event.getClass());
        if (format == null) {
            throw new IllegalArgumentException("event: " + event.getClass().getName() + " (no bus encoding)");
        }
        out.writeByte(format.tag());
        format.writeFields(out, event);
    }

    static Event read(PayloadReader in) {
        int tag = in.readByte();
        if (tag <= 0 || tag >= BY_TAG.length) {
            throw in.malformed("event tag: " + tag + " (expected: 1.." + (BY_TAG.length - 1) + ")");
        }
        return BY_TAG[tag].reader().apply(in);
    }

    static void writeSession(PayloadWriter out, SessionId id) {
        out.writeString(id.value());
    }

    static SessionId readSession(PayloadReader in) {
        return new SessionId(in.readString());
    }

    private static void writeNetworkPeers(PayloadWriter out, NetworkPeers event) {
        out.writeVarInt(event.peers().size());
        for (PeerSummary peer : event.peers()) {
            writeSession(out, peer.id());
            out.writeString(peer.name());
        }
        out.writeNullableString(event.exclude() == null ? null : event.exclude().value());
        out.writeInt(event.limit());
    }

    private static NetworkPeers readNetworkPeers(PayloadReader in) {
        int count = in.readCount();
        List<PeerSummary> peers = new ArrayList<>(Math.min(count, 64));
        for (int i = 0; i < count; i++) {
            peers.add(new PeerSummary(readSession(in), in.readString()));
        }
        String exclude = in.readNullableString();
        return new NetworkPeers(peers, exclude == null ? null : new SessionId(exclude), in.readInt());
    }

    private static void writePeerJoined(PayloadWriter out, PeerJoined event) {
        out.writeString(event.code());
        Member peer = event.peer();
        writeSession(out, peer.id());
        out.writeString(peer.node().value());
        out.writeString(peer.name());
        out.writeString(peer.address().ip());
        out.writeString(peer.address().networkKey());
        out.writeBoolean(peer.address().privateAddress());
        out.writeString(event.connectionType().name());
    }

    private static PeerJoined readPeerJoined(PayloadReader in) {
        String code = in.readString();
        SessionId id = readSession(in);
        NodeId node = new NodeId(in.readString());
        String name = in.readString();
        ClientAddress address = new ClientAddress(in.readString(), in.readString(), in.readBoolean());
        return new PeerJoined(code, new Member(id, node, name, address), ConnectionType.valueOf(in.readString()));
    }

    private static void writeInvited(PayloadWriter out, Invited event) {
        out.writeString(event.code());
        out.writeString(event.fromName());
    }

    private static Invited readInvited(PayloadReader in) {
        return new Invited(in.readString(), in.readString());
    }

    private static void writeSignalRelayed(PayloadWriter out, SignalRelayed event) {
        writeSession(out, event.from());
        writeRaw(out, event.payload());
    }

    private static SignalRelayed readSignalRelayed(PayloadReader in) {
        return new SignalRelayed(readSession(in), readRaw(in));
    }

    private static void writeFailed(PayloadWriter out, Failed event) {
        out.writeVarInt(event.code().code());
        out.writeNullableString(event.detail());
    }

    private static Failed readFailed(PayloadReader in) {
        int number = in.readVarInt();
        for (ErrorCode code : ErrorCode.values()) {
            if (code.code() == number) {
                return new Failed(code, in.readNullableString());
            }
        }
        throw in.malformed("error code: " + number + " (not a known ErrorCode)");
    }

    private static void writeJoinAnswer(PayloadWriter out, JoinAnswer event) {
        out.writeBoolean(event.success());
        out.writeString(event.message());
        out.writeNullableString(event.roomId());
        out.writeNullableString(event.error());
    }

    private static JoinAnswer readJoinAnswer(PayloadReader in) {
        return new JoinAnswer(in.readBoolean(), in.readString(), in.readNullableString(), in.readNullableString());
    }

    private static void writePeerSignal(PayloadWriter out, PeerSignal event) {
        out.writeString(event.kind().name());
        writeSession(out, event.from());
        writeRaw(out, event.payload());
    }

    private static PeerSignal readPeerSignal(PayloadReader in) {
        return new PeerSignal(SignalKind.valueOf(in.readString()), readSession(in), readRaw(in));
    }

    private static void writeAnnouncement(PayloadWriter out, Announcement event) {
        out.writeString(event.kind().name());
        out.writeString(event.roomId());
        writeSession(out, event.peer());
    }

    private static Announcement readAnnouncement(PayloadReader in) {
        return new Announcement(AnnounceKind.valueOf(in.readString()), in.readString(), readSession(in));
    }

    private static void writeEmitted(PayloadWriter out, Emitted event) {
        out.writeString(event.name());
        writeRaw(out, event.args());
        writeAttachments(out, event.attachments());
    }

    private static Emitted readEmitted(PayloadReader in) {
        return new Emitted(in.readString(), readRaw(in), readAttachments(in));
    }

    private static void writeAcknowledged(PayloadWriter out, Acknowledged event) {
        out.writeLong(event.ackId());
        writeRaw(out, event.args());
        writeAttachments(out, event.attachments());
    }

    private static Acknowledged readAcknowledged(PayloadReader in) {
        return new Acknowledged(in.readLong(), readRaw(in), readAttachments(in));
    }

    private static void writeRaw(PayloadWriter out, RawJson json) {
        out.writeBytes(json.array(), json.offset(), json.length());
    }

    /** The JSON stays a slice of the received payload: the subscriber hands each payload array over for good. */
    private static RawJson readRaw(PayloadReader in) {
        int start = in.readSlice();
        return RawJson.wrap(in.array(), start, in.position() - start);
    }

    private static void writeAttachments(PayloadWriter out, List<byte[]> attachments) {
        out.writeVarInt(attachments.size());
        for (byte[] attachment : attachments) {
            out.writeBytes(attachment, 0, attachment.length);
        }
    }

    private static List<byte[]> readAttachments(PayloadReader in) {
        int count = in.readCount();
        List<byte[]> attachments = new ArrayList<>(Math.min(count, 16));
        for (int i = 0; i < count; i++) {
            attachments.add(in.readBytes());
        }
        return attachments;
    }

    private static <E extends Event> Format<E> format(
            int tag, Class<E> type, BiConsumer<PayloadWriter, E> writer, Function<PayloadReader, E> reader) {
        return new Format<>(tag, type, writer, reader);
    }

    /** How one event type is written and read. */
    private record Format<E extends Event>(
            int tag, Class<E> type, BiConsumer<PayloadWriter, E> writer, Function<PayloadReader, E> reader) {
        void writeFields(PayloadWriter out, Event event) {
            writer.accept(out, type.cast(event));
        }
    }
}
