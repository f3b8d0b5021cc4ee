package io.switchboard.protocol.privydrop;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.switchboard.core.Nullable;
import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.message.AnnounceKind;
import io.switchboard.core.message.Command;
import io.switchboard.core.message.RawJson;
import io.switchboard.core.message.SignalKind;
import io.switchboard.protocol.Decoded;
import io.switchboard.protocol.json.Json;
import io.switchboard.protocol.json.JsonFrames;
import io.switchboard.protocol.json.JsonScanner;
import io.switchboard.protocol.json.JsonValues;
import java.io.EOFException;
import java.io.IOException;
import java.util.List;

/**
 * Decodes the JSON array of one Socket.IO EVENT packet into a PrivyDrop command, in one streaming pass. Only the
 * fields the event needs are read; the relayed value is kept as a slice of the frame.
 */
final class PrivyDropDecoder {
    private static final List<String> EVENTS =
            List.of("ice-candidate", "offer", "answer", "join", "initiator-online", "recipient-ready");

    private PrivyDropDecoder() {}

    static Decoded decode(byte[] frame, int offset, int length) {
        if (!JsonFrames.startsWith(frame, offset, length, (byte) '[')) {
            // Also keeps jackson from sniffing UTF-16/32 or a byte order mark: Socket.IO text is plain UTF-8 JSON.
            return new Decoded.Invalid(ErrorCode.BAD_MESSAGE, "not a JSON array");
        }
        Decoded scanned = length <= JsonScanner.WORTH_SCANNING ? scan(frame, offset, offset + length) : null;
        return scanned != null ? scanned : decodeWithJackson(frame, offset, length);
    }

    /**
     * The event read by {@link JsonScanner} without jackson, or null when the frame is anything but plain ASCII JSON
     * with a plain event name and plain string fields (then jackson reads it, and has the final word on what is
     * valid). Same rules as the jackson path: only the first argument is read, later ones are checked and skipped.
     */
    static @Nullable Decoded scan(byte[] b, int start, int end) {
        int pos = JsonScanner.skipWhitespace(b, start, end);
        if (pos >= end || b[pos] != '[') {
            return null;
        }
        int nameStart = JsonScanner.skipWhitespace(b, pos + 1, end);
        pos = JsonScanner.skipString(b, nameStart, end);
        if (pos == JsonScanner.GIVE_UP || JsonScanner.isEscapedString(b, nameStart, pos)) {
            return null;
        }
        String name = eventName(b, nameStart, pos);
        Payload payload = new Payload(rawKey(name));
        pos = JsonScanner.skipWhitespace(b, pos, end);
        for (boolean first = true; pos < end && b[pos] == ','; first = false) {
            int valueStart = JsonScanner.skipWhitespace(b, pos + 1, end);
            if (first && valueStart < end && b[valueStart] == '{') {
                payload.object = true;
                pos = JsonScanner.scanObject(b, valueStart, end, payload);
            } else {
                pos = JsonScanner.skipValue(b, valueStart, end);
            }
            if (pos == JsonScanner.GIVE_UP) {
                return null;
            }
            pos = JsonScanner.skipWhitespace(b, pos, end);
        }
        if (pos >= end || b[pos] != ']' || JsonScanner.skipWhitespace(b, pos + 1, end) != end) {
            return null;
        }
        return toCommand(name, payload);
    }

    /** The event name of the string value between {@code start} and {@code end}, without a new String for ours. */
    private static String eventName(byte[] b, int start, int end) {
        for (String known : EVENTS) {
            if (JsonScanner.equalsAscii(known, b, start + 1, end - 1)) {
                return known;
            }
        }
        return JsonScanner.plainText(b, start, end);
    }

    /** The general path, for every frame the scanner gives up on: the final word on validity and the error text. */
    static Decoded decodeWithJackson(byte[] frame, int offset, int length) {
        try (JsonParser parser = Json.FACTORY.createParser(frame, offset, length)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return new Decoded.Invalid(ErrorCode.BAD_MESSAGE, "not a JSON array");
            }
            if (parser.nextToken() != JsonToken.VALUE_STRING) {
                return new Decoded.Invalid(ErrorCode.BAD_MESSAGE, "event name missing or not a string");
            }
            String name = parser.getText();
            Payload payload = readArguments(parser, frame, offset, new Payload(rawKey(name)));
            if (parser.nextToken() != null) {
                return new Decoded.Invalid(ErrorCode.BAD_MESSAGE, "content after the array");
            }
            return toCommand(name, payload);
        } catch (IOException | RuntimeException e) {
            // jackson reports malformed input and broken limits as exceptions; here they become a value.
            return new Decoded.Invalid(ErrorCode.BAD_MESSAGE, String.valueOf(e.getMessage()));
        }
    }

    /** The key whose value an event relays unparsed, or null for events that relay nothing. */
    private static @Nullable String rawKey(String event) {
        return switch (event) {
            case "offer" -> "offer";
            case "answer" -> "answer";
            case "ice-candidate" -> "candidate";
            default -> null;
        };
    }

    /** Reads the arguments after the event name up to the end of the array; only the first one is looked at. */
    private static Payload readArguments(JsonParser parser, byte[] frame, int offset, Payload payload)
            throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.START_OBJECT) {
            payload.object = true;
            readFields(parser, frame, offset, payload);
            token = parser.nextToken();
        }
        // Anything else (another payload type, extra arguments) is skipped but must still be well-formed.
        while (token != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new EOFException("unterminated array");
            }
            parser.skipChildren();
            token = parser.nextToken();
        }
        return payload;
    }

    private static void readFields(JsonParser parser, byte[] frame, int offset, Payload payload) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals(payload.rawKey)) {
                payload.raw = JsonValues.raw(parser, frame, offset);
            } else if (field.equals("roomId")) {
                payload.roomId = JsonValues.textOrNull(parser, value);
            } else if (field.equals("peerId")) {
                payload.peerId = JsonValues.textOrNull(parser, value);
            } else {
                // Client-set "from" (and "roomId" of a signal) is ignored: the server sets the sender.
                parser.skipChildren();
            }
        }
    }

    private static Decoded toCommand(String name, Payload payload) {
        return switch (name) {
                // The page waits for a joinResponse, so a bad join still reaches the service (which answers it).
            case "join" -> new Decoded.Ok(new Command.JoinRoom(payload.roomId == null ? "" : payload.roomId));
            case "offer" -> signal(SignalKind.OFFER, name, payload);
            case "answer" -> signal(SignalKind.ANSWER, name, payload);
            case "ice-candidate" -> signal(SignalKind.ICE_CANDIDATE, name, payload);
            case "initiator-online" -> announce(AnnounceKind.INITIATOR_ONLINE, name, payload);
            case "recipient-ready" -> announce(AnnounceKind.RECIPIENT_READY, name, payload);
                // Reserved Socket.IO names (connect, disconnect, ...) and events PrivyDrop does not define.
            default -> Decoded.IGNORED;
        };
    }

    private static Decoded signal(SignalKind kind, String name, Payload payload) {
        if (!payload.object) {
            return new Decoded.Invalid(ErrorCode.BAD_PAYLOAD, name + ": payload is not an object");
        }
        if (payload.peerId == null) {
            return new Decoded.Invalid(ErrorCode.BAD_PAYLOAD, name + ": peerId missing or not a string");
        }
        if (payload.raw == null) {
            return new Decoded.Invalid(ErrorCode.BAD_PAYLOAD, name + ": " + rawKey(name) + " missing");
        }
        return new Decoded.Ok(new Command.SignalPeer(kind, payload.peerId, payload.raw));
    }

    private static Decoded announce(AnnounceKind kind, String name, Payload payload) {
        if (!payload.object) {
            return new Decoded.Invalid(ErrorCode.BAD_PAYLOAD, name + ": payload is not an object");
        }
        if (payload.roomId == null) {
            return new Decoded.Invalid(ErrorCode.BAD_PAYLOAD, name + ": roomId missing or not a string");
        }
        return new Decoded.Ok(new Command.Announce(kind, payload.roomId));
    }

    /**
     * The first argument's fields; a field that is absent or not of its type stays null. Filled by jackson's path, or
     * by {@link JsonScanner} as its field visitor.
     */
    private static final class Payload implements JsonScanner.Fields {
        private final @Nullable String rawKey;
        private boolean object;
        private @Nullable String roomId;
        private @Nullable String peerId;
        private @Nullable RawJson raw;

        Payload(@Nullable String rawKey) {
            this.rawKey = rawKey;
        }

        @Override
        public boolean field(byte[] b, int nameStart, int nameEnd, int valueStart, int valueEnd) {
            if (rawKey != null && JsonScanner.equalsAscii(rawKey, b, nameStart, nameEnd)) {
                raw = RawJson.wrap(b, valueStart, valueEnd - valueStart);
                return true;
            }
            boolean isRoomId = JsonScanner.equalsAscii("roomId", b, nameStart, nameEnd);
            if (!isRoomId && !JsonScanner.equalsAscii("peerId", b, nameStart, nameEnd)) {
                return true; // "from" and the rest: ignored, as on jackson's path
            }
            if (JsonScanner.isEscapedString(b, valueStart, valueEnd)) {
                return false; // jackson unescapes it
            }
            if (isRoomId) {
                roomId = JsonScanner.plainText(b, valueStart, valueEnd);
            } else {
                peerId = JsonScanner.plainText(b, valueStart, valueEnd);
            }
            return true;
        }
    }
}
