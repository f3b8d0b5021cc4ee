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
import io.switchboard.protocol.json.JsonValues;
import java.io.IOException;

/**
 * DropSilk classic (PROTOCOLS.md §1.4–§1.5). Decoding reads only the envelope fields it needs with a streaming
 * parser; the {@code data} of a {@code signal} is kept as the raw bytes it arrived in. Encoding lives in {@link
 * DropSilkEncoder}.
 */
public final class DropSilkDialect extends DropSilkEncoder {
    /** The name a session has until it sends {@code register-details}. */
    public static final String INITIAL_NAME = "Anonymous";

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
            case "signal" -> e.data == null
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

    /** The envelope fields of one message; a field that is absent or not a string stays null. */
    private static final class Envelope {
        private @Nullable String type;
        private @Nullable String name;
        private @Nullable String flightCode;
        private @Nullable String inviteeId;
        private @Nullable RawJson data;
    }
}
