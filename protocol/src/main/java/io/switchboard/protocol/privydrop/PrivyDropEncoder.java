package io.switchboard.protocol.privydrop;

import static io.switchboard.protocol.json.JsonBytes.constant;
import static io.switchboard.protocol.json.JsonBytes.writeRaw;
import static io.switchboard.protocol.json.JsonBytes.writeString;

import io.switchboard.core.message.AnnounceKind;
import io.switchboard.core.message.Event;
import io.switchboard.core.message.SignalKind;
import io.switchboard.protocol.ByteSink;

/**
 * Encodes core events as whole Socket.IO EVENT packets of PrivyDrop's server messages (PROTOCOLS.md §2.5). Envelopes
 * are constant byte arrays; only ids and texts are escaped, and a relayed value is spliced in as it arrived. Events
 * PrivyDrop has no message for write nothing.
 */
final class PrivyDropEncoder {
    private static final byte[] JOIN_SUCCESS = constant("2[\"joinResponse\",{\"success\":true,\"message\":");
    private static final byte[] JOIN_FAILURE = constant("2[\"joinResponse\",{\"success\":false,\"message\":");
    private static final byte[] ROOM_ID = constant(",\"roomId\":");
    private static final byte[] ERROR = constant(",\"error\":");
    private static final byte[] READY = constant("2[\"ready\",{\"peerId\":");
    private static final byte[] OFFER = constant("2[\"offer\",{\"offer\":");
    private static final byte[] ANSWER = constant("2[\"answer\",{\"answer\":");
    private static final byte[] CANDIDATE = constant("2[\"ice-candidate\",{\"candidate\":");
    private static final byte[] FROM = constant(",\"from\":");
    private static final byte[] PEER_ID = constant(",\"peerId\":");
    private static final byte[] INITIATOR_ONLINE = constant("2[\"initiator-online\",{\"roomId\":");
    private static final byte[] RECIPIENT_READY = constant("2[\"recipient-ready\",{\"peerId\":");
    private static final byte[] PEER_DISCONNECTED = constant("2[\"peer-disconnected\",{\"peerId\":");
    private static final byte[] END = constant("}]");

    private PrivyDropEncoder() {}

    static void encode(Event event, ByteSink out) {
        if (event instanceof Event.PeerSignal signal) {
            writeSignal(signal, out);
        } else if (event instanceof Event.JoinAnswer answer) {
            writeJoinAnswer(answer, out);
        } else if (event instanceof Event.PeerReady ready) {
            out.write(READY);
            writeString(out, ready.peer().value());
            out.write(END);
        } else if (event instanceof Event.Announcement announcement) {
            writeAnnouncement(announcement, out);
        } else if (event instanceof Event.PeerLeft left) {
            out.write(PEER_DISCONNECTED);
            writeString(out, left.peer().value());
            out.write(END);
        }
        // Anything else (Failed included) has no PrivyDrop message: zero bytes, which the transport drops.
    }

    private static void writeSignal(Event.PeerSignal signal, ByteSink out) {
        out.write(envelope(signal.kind()));
        writeRaw(out, signal.payload());
        // "from" and "peerId" are both the server-known sender; the page matches peers by "from".
        out.write(FROM);
        writeString(out, signal.from().value());
        out.write(PEER_ID);
        writeString(out, signal.from().value());
        out.write(END);
    }

    private static byte[] envelope(SignalKind kind) {
        return switch (kind) {
            case OFFER -> OFFER;
            case ANSWER -> ANSWER;
            case ICE_CANDIDATE -> CANDIDATE;
        };
    }

    private static void writeJoinAnswer(Event.JoinAnswer answer, ByteSink out) {
        out.write(answer.success() ? JOIN_SUCCESS : JOIN_FAILURE);
        writeString(out, answer.message());
        if (answer.roomId() != null) {
            out.write(ROOM_ID);
            writeString(out, answer.roomId());
        }
        if (answer.error() != null) {
            out.write(ERROR);
            writeString(out, answer.error());
        }
        out.write(END);
    }

    private static void writeAnnouncement(Event.Announcement announcement, ByteSink out) {
        if (announcement.kind() == AnnounceKind.INITIATOR_ONLINE) {
            out.write(INITIATOR_ONLINE);
            writeString(out, announcement.roomId());
        } else {
            // The announcing session, not the peerId its client sent (PROTOCOLS.md §2.10).
            out.write(RECIPIENT_READY);
            writeString(out, announcement.peer().value());
        }
        out.write(END);
    }
}
