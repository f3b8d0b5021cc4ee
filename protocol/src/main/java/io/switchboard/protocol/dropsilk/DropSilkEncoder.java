package io.switchboard.protocol.dropsilk;

import static io.switchboard.protocol.json.JsonBytes.constant;
import static io.switchboard.protocol.json.JsonBytes.writeRaw;
import static io.switchboard.protocol.json.JsonBytes.writeString;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.message.Event;
import io.switchboard.core.message.PeerSummary;
import io.switchboard.protocol.ByteSink;
import io.switchboard.protocol.Dialect;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes core events as DropSilk server messages (PROTOCOLS.md §1.5), with the original's exact type names, field
 * names and error strings. Envelopes are constant byte arrays; only ids, names and codes are escaped, and a relayed
 * {@code data} value is spliced in as it arrived.
 */
abstract class DropSilkEncoder implements Dialect {
    private static final byte[] REGISTERED = constant("{\"type\":\"registered\",\"id\":");
    private static final byte[] USERS = constant("{\"type\":\"users-on-network-update\",\"users\":[");
    private static final byte[] USERS_END = constant("]}");
    private static final byte[] USER_ID = constant("{\"id\":");
    private static final byte[] NAME = constant(",\"name\":");
    private static final byte[] FLIGHT_CREATED = constant("{\"type\":\"flight-created\",\"flightCode\":");
    private static final byte[] PEER_JOINED = constant("{\"type\":\"peer-joined\",\"flightCode\":");
    private static final byte[] PEER = constant(",\"peer\":{\"id\":");
    private static final byte[] CONNECTION_LAN = constant("},\"connectionType\":\"lan\"}");
    private static final byte[] CONNECTION_WAN = constant("},\"connectionType\":\"wan\"}");
    private static final byte[] INVITATION = constant("{\"type\":\"flight-invitation\",\"flightCode\":");
    private static final byte[] FROM_NAME = constant(",\"fromName\":");
    private static final byte[] SIGNAL = constant("{\"type\":\"signal\",\"data\":");
    private static final byte[] PEER_LEFT = constant("{\"type\":\"peer-left\"}");
    private static final byte[] SHUTDOWN =
            constant("{\"type\":\"server-shutdown\",\"message\":\"Server is shutting down for maintenance.\"}");
    private static final Map<ErrorCode, byte[]> ERRORS = errorMessages();

    @Override
    public void encode(Event event, ByteSink out) {
        if (event instanceof Event.SignalRelayed relayed) {
            out.write(SIGNAL);
            writeRaw(out, relayed.payload());
            out.write('}');
        } else if (event instanceof Event.NetworkPeers peers) {
            writeUsers(out, peers);
        } else if (event instanceof Event.PeerJoined joined) {
            out.write(PEER_JOINED);
            writeString(out, joined.code());
            out.write(PEER);
            writeString(out, joined.peer().id().value());
            out.write(NAME);
            writeString(out, joined.peer().name());
            out.write(
                    joined.connectionType() == io.switchboard.core.network.ConnectionType.LAN
                            ? CONNECTION_LAN
                            : CONNECTION_WAN);
        } else {
            encodeRare(event, out);
        }
    }

    /** The exact DropSilk text for {@code code}. */
    static String message(ErrorCode code) {
        return switch (code) {
            case BAD_MESSAGE -> "Invalid message format";
            case BAD_PAYLOAD -> "Invalid message payload";
            case UNKNOWN_TYPE -> "Unknown message type";
            case MESSAGE_TOO_BIG -> "Message too large";
            case INVALID_NAME -> "Invalid name";
            case INVALID_ROOM_ID -> "Invalid flight code";
            case ALREADY_IN_ROOM -> "Already in a flight";
            case ROOM_NOT_FOUND, ROOM_FULL -> "Flight not found or full";
            case ROOM_OWNER_GONE -> "Flight creator disconnected";
            case NOT_A_MEMBER -> "You are not a member of that flight";
            case PEER_NOT_FOUND -> "Invitee not found on your network";
            case RATE_LIMITED -> "Rate limit exceeded";
            case INTERNAL -> "Server error processing your request";
            default -> code.message();
        };
    }

    private static void encodeRare(Event event, ByteSink out) {
        if (event instanceof Event.Registered registered) {
            out.write(REGISTERED);
            writeString(out, registered.id().value());
            out.write('}');
        } else if (event instanceof Event.RoomCreated created) {
            out.write(FLIGHT_CREATED);
            writeString(out, created.code());
            out.write('}');
        } else if (event instanceof Event.Invited invited) {
            out.write(INVITATION);
            writeString(out, invited.code());
            out.write(FROM_NAME);
            writeString(out, invited.fromName());
            out.write('}');
        } else if (event instanceof Event.PeerLeft) {
            out.write(PEER_LEFT);
        } else if (event instanceof Event.Failed failed) {
            out.write(ERRORS.get(failed.code()));
        } else if (event instanceof Event.ShuttingDown) {
            out.write(SHUTDOWN);
        } else {
            throw new IllegalArgumentException("event: " + event + " (not part of the DropSilk protocol)");
        }
    }

    private static void writeUsers(ByteSink out, Event.NetworkPeers peers) {
        out.write(USERS);
        List<PeerSummary> list = peers.peers();
        int written = 0;
        for (int i = 0; i < list.size() && written < peers.limit(); i++) {
            PeerSummary peer = list.get(i);
            if (peer.id().equals(peers.exclude())) {
                continue;
            }
            if (written++ > 0) {
                out.write(',');
            }
            out.write(USER_ID);
            writeString(out, peer.id().value());
            out.write(NAME);
            writeString(out, peer.name());
            out.write('}');
        }
        out.write(USERS_END);
    }

    private static Map<ErrorCode, byte[]> errorMessages() {
        Map<ErrorCode, byte[]> map = new EnumMap<>(ErrorCode.class);
        for (ErrorCode code : ErrorCode.values()) {
            io.switchboard.protocol.ByteArraySink sink = new io.switchboard.protocol.ByteArraySink(64);
            sink.write(constant("{\"type\":\"error\",\"message\":"));
            writeString(sink, message(code));
            sink.write('}');
            map.put(code, sink.toByteArray());
        }
        return map;
    }
}
