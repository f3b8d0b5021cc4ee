package io.switchboard.protocol.dropsilk;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.switchboard.core.Nullable;
import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.id.AppId;
import io.switchboard.core.message.Command;
import io.switchboard.core.message.RawJson;
import io.switchboard.protocol.Decoded;
import io.switchboard.protocol.json.JsonFrames;
import io.switchboard.protocol.json.JsonScanner;
import io.switchboard.protocol.json.JsonValues;
import java.io.IOException;

/**
 * DropSilk classic (PROTOCOLS.md §1.4–§1.5). Decoding reads only the envelope fields it needs; the {@code data} of a
 * {@code signal} is kept as the raw bytes it arrived in. Short plain ASCII frames (ICE candidates, the bulk of signaling
 * traffic) are read by {@link JsonScanner} without creating a parser; anything else, and anything invalid, by
 * jackson's streaming parser.
 * Encoding lives in {@link DropSilkEncoder}.
 */
public final class DropSilkDialect extends DropSilkEncoder {
    /** The name a session has until it sends {@code register-details}. */
    public static final String INITIAL_NAME = "Anonymous";

    private static final String SIGNAL = "signal";

    @Override
    public AppId app() {
        return AppId.DROPSILK;
    }

    @Override
    public String initialName() {
        return INITIAL_NAME;
    }

    @Override
    public Decoded decode(byte[] frame, int offset, int length) {
        if (!JsonFrames.startsWith(frame, offset, length, (byte) '{')) {
            // Also keeps jackson from sniffing UTF-16/32 or a byte order mark: messages are plain UTF-8 JSON objects.
            return new Decoded.Invalid(ErrorCode.BAD_MESSAGE, "not a JSON object");
        }
        Envelope scanned = length <= JsonScanner.WORTH_SCANNING ? scanEnvelope(frame, offset, offset + length) : null;
        return scanned != null ? toCommand(scanned) : decodeWithJackson(frame, offset, length);
    }

    /**
     * The general path, for every frame the scanner gives up on: the final word on validity and the error text.
     * {@link #decode} gives the same result for every frame; public so that tests and benchmarks can compare the two.
     */
    public Decoded decodeWithJackson(byte[] frame, int offset, int length) {
        try (JsonParser parser = io.switchboard.protocol.json.Json.FACTORY.createParser(frame, offset, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return new Decoded.Invalid(ErrorCode.BAD_MESSAGE, "not a JSON object");
            }
            Envelope envelope = readEnvelope(parser, frame, offset);
            if (parser.nextToken() != null) {
                return new Decoded.Invalid(ErrorCode.BAD_MESSAGE, "content after the object");
            }
            return toCommand(envelope);
        } catch (IOException | RuntimeException e) {
            // jackson reports malformed input and broken limits as exceptions; here they become a value.
            return new Decoded.Invalid(ErrorCode.BAD_MESSAGE, String.valueOf(e.getMessage()));
        }
    }

    /**
     * The envelope read by {@link JsonScanner} without jackson, or null when the frame is anything but plain ASCII
     * JSON with plain field names and string values (then jackson reads it, and has the final word on what is
     * valid). Same rules as {@link #readEnvelope}: unknown fields are checked and skipped, a non-string value of a
     * string field gives null, and of duplicate fields the last one wins.
     */
    static @Nullable Envelope scanEnvelope(byte[] b, int start, int end) {
        int pos = JsonScanner.skipWhitespace(b, start, end);
        if (pos >= end || b[pos] != '{') {
            return null;
        }
        Envelope e = new Envelope();
        pos = JsonScanner.scanObject(b, pos, end, e);
        return pos != JsonScanner.GIVE_UP && JsonScanner.skipWhitespace(b, pos, end) == end ? e : null;
    }

    private static Envelope readEnvelope(JsonParser parser, byte[] frame, int offset) throws IOException {
        Envelope e = new Envelope();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "type" -> e.type = JsonValues.textOrNull(parser, value);
                case "name" -> e.name = JsonValues.textOrNull(parser, value);
                case "flightCode" -> e.flightCode = JsonValues.textOrNull(parser, value);
                case "inviteeId" -> e.inviteeId = JsonValues.textOrNull(parser, value);
                case "data" -> e.data = JsonValues.raw(parser, frame, offset);
                default -> parser.skipChildren();
            }
        }
        return e;
    }

    private static Decoded toCommand(Envelope e) {
        if (e.type == null) {
            return new Decoded.Invalid(ErrorCode.BAD_MESSAGE, "type missing or not a string");
        }
        return switch (e.type) {
            case SIGNAL -> e.data == null
                    ? new Decoded.Invalid(ErrorCode.BAD_PAYLOAD, "signal without data")
                    : new Decoded.Ok(new Command.Relay(e.data));
            case "register-details" -> e.name == null
                    ? new Decoded.Invalid(ErrorCode.INVALID_NAME, "name missing or not a string")
                    : new Decoded.Ok(new Command.Register(e.name));
            case "create-flight" -> new Decoded.Ok(new Command.CreateRoom());
            case "join-flight" -> e.flightCode == null
                    ? new Decoded.Invalid(ErrorCode.INVALID_ROOM_ID, "flightCode missing or not a string")
                    : new Decoded.Ok(new Command.JoinRoom(e.flightCode));
            case "invite-to-flight" -> e.inviteeId == null || e.flightCode == null
                    ? new Decoded.Invalid(ErrorCode.BAD_PAYLOAD, "inviteeId and flightCode must be strings")
                    : new Decoded.Ok(new Command.Invite(e.inviteeId, e.flightCode));
            default -> new Decoded.Invalid(ErrorCode.UNKNOWN_TYPE, "type " + abbreviate(e.type));
        };
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    /**
     * The envelope fields of one message; a field that is absent or not a string stays null. Filled by jackson's
     * path, or by {@link JsonScanner} as its field visitor.
     */
    static final class Envelope implements JsonScanner.Fields {
        @Nullable
        String type;

        @Nullable
        String name;

        @Nullable
        String flightCode;

        @Nullable
        String inviteeId;

        @Nullable
        RawJson data;

        @Override
        public boolean field(byte[] b, int nameStart, int nameEnd, int valueStart, int valueEnd) {
            if (JsonScanner.equalsAscii("data", b, nameStart, nameEnd)) {
                data = RawJson.wrap(b, valueStart, valueEnd - valueStart);
            } else if (JsonScanner.isEscapedString(b, valueStart, valueEnd)) {
                // jackson unescapes it: leave the frame to jackson if this is a field we read
                return !isTextField(b, nameStart, nameEnd);
            } else if (JsonScanner.equalsAscii("type", b, nameStart, nameEnd)) {
                type = isSignal(b, valueStart, valueEnd) ? SIGNAL : JsonScanner.plainText(b, valueStart, valueEnd);
            } else if (JsonScanner.equalsAscii("name", b, nameStart, nameEnd)) {
                name = JsonScanner.plainText(b, valueStart, valueEnd);
            } else if (JsonScanner.equalsAscii("flightCode", b, nameStart, nameEnd)) {
                flightCode = JsonScanner.plainText(b, valueStart, valueEnd);
            } else if (JsonScanner.equalsAscii("inviteeId", b, nameStart, nameEnd)) {
                inviteeId = JsonScanner.plainText(b, valueStart, valueEnd);
            }
            return true;
        }

        private static boolean isTextField(byte[] b, int nameStart, int nameEnd) {
            return JsonScanner.equalsAscii("type", b, nameStart, nameEnd)
                    || JsonScanner.equalsAscii("name", b, nameStart, nameEnd)
                    || JsonScanner.equalsAscii("flightCode", b, nameStart, nameEnd)
                    || JsonScanner.equalsAscii("inviteeId", b, nameStart, nameEnd);
        }

        /** Whether the value is the string "signal", checked without making a String of it. */
        private static boolean isSignal(byte[] b, int valueStart, int valueEnd) {
            return b[valueStart] == '"' && JsonScanner.equalsAscii(SIGNAL, b, valueStart + 1, valueEnd - 1);
        }
    }
}
