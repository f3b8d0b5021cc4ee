package io.switchboard.protocol.echo;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.id.AppId;
import io.switchboard.core.message.Command;
import io.switchboard.core.message.Event;
import io.switchboard.core.message.RawJson;
import io.switchboard.protocol.ByteSink;
import io.switchboard.protocol.Decoded;
import io.switchboard.protocol.Dialect;
import io.switchboard.protocol.json.Json;
import io.switchboard.protocol.json.JsonBytes;
import io.switchboard.protocol.json.JsonFrames;
import java.io.IOException;
import java.util.List;

/**
 * The Socket.IO reference test server's events. Decoding keeps the arguments after the event name as one raw slice
 * ({@code 1,"2",{"3":[true]}}), so the echo is byte for byte; placeholders of binary attachments stay in place and the
 * attachments travel beside them. Encoding writes {@code 2["name",args]} or, with attachments, {@code
 * 5<n>-["name",args]}; acknowledgements {@code 3<id>[args]} or {@code 6<n>-<id>[args]}.
 */
public final class EchoDialect implements Dialect {
    /** The app id of the Socket.IO conformance endpoint. */
    public static final AppId APP = new AppId("socketio-conformance");

    private static final byte[] EMPTY = new byte[0];

    private final boolean echoes;

    private EchoDialect(boolean echoes) {
        this.echoes = echoes;
    }

    /** The main namespace: echoes {@code message} and acknowledges {@code message-with-ack}. */
    public static EchoDialect main() {
        return new EchoDialect(true);
    }

    /** A namespace that only greets (the reference's {@code /custom}): every event is ignored. */
    public static EchoDialect greetOnly() {
        return new EchoDialect(false);
    }

    @Override
    public AppId app() {
        return APP;
    }

    @Override
    public String initialName() {
        return "";
    }

    @Override
    public Decoded decode(byte[] frame, int offset, int length) {
        return decodeEvent(frame, offset, length, List.of(), -1);
    }

    @Override
    public Decoded decodeEvent(byte[] frame, int offset, int length, List<byte[]> attachments, long ackId) {
        if (!JsonFrames.startsWith(frame, offset, length, (byte) '[')) {
            return new Decoded.Invalid(ErrorCode.BAD_MESSAGE, "not a JSON array");
        }
        try (JsonParser parser = Json.FACTORY.createParser(frame, offset, length)) {
            parser.nextToken();
            JsonToken nameToken = parser.nextToken();
            String name = nameToken == JsonToken.VALUE_STRING ? parser.getText() : null;
            long argsStart = parser.currentLocation().getByteOffset();
            long argsEnd = argsStart;
            for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                if (t == null) {
                    return new Decoded.Invalid(ErrorCode.BAD_MESSAGE, "unterminated array");
                }
                parser.skipChildren();
                parser.finishToken();
                argsEnd = parser.currentLocation().getByteOffset();
            }
            if (parser.nextToken() != null) {
                return new Decoded.Invalid(ErrorCode.BAD_MESSAGE, "content after the array");
            }
            return command(name, args(frame, offset, argsStart, argsEnd), attachments, ackId);
        } catch (IOException | RuntimeException e) {
            return new Decoded.Invalid(ErrorCode.BAD_MESSAGE, String.valueOf(e.getMessage()));
        }
    }

    @Override
    public void encode(Event event, ByteSink out) {
        if (event instanceof Event.Emitted emitted) {
            header(
                    out,
                    emitted.attachments().isEmpty() ? '2' : '5',
                    emitted.attachments().size());
            out.write('[');
            JsonBytes.writeString(out, emitted.name());
            if (emitted.args().length() > 0) {
                out.write(',');
                JsonBytes.writeRaw(out, emitted.args());
            }
            out.write(']');
        } else if (event instanceof Event.Acknowledged ack) {
            header(
                    out,
                    ack.attachments().isEmpty() ? '3' : '6',
                    ack.attachments().size());
            JsonBytes.writeNumber(out, ack.ackId());
            out.write('[');
            JsonBytes.writeRaw(out, ack.args());
            out.write(']');
        }
        // Anything else has no message in this protocol: nothing is written.
    }

    private Decoded command(String name, RawJson args, List<byte[]> attachments, long ackId) {
        if (!echoes || name == null) {
            return Decoded.IGNORED;
        }
        if ("message".equals(name)) {
            return new Decoded.Ok(new Command.Echo(args, attachments, -1));
        }
        if ("message-with-ack".equals(name) && ackId >= 0) {
            return new Decoded.Ok(new Command.Echo(args, attachments, ackId));
        }
        return Decoded.IGNORED;
    }

    /** The arguments between the name's comma and the closing bracket, trimmed of the separating comma. */
    private static RawJson args(byte[] frame, int offset, long start, long end) {
        int from = offset + (int) start;
        int to = offset + (int) end;
        while (from < to
                && (frame[from] == ','
                        || frame[from] == ' '
                        || frame[from] == '\n'
                        || frame[from] == '\t'
                        || frame[from] == '\r')) {
            from++;
        }
        return from >= to ? RawJson.wrap(EMPTY, 0, 0) : RawJson.wrap(frame, from, to - from);
    }

    private static void header(ByteSink out, char type, int attachments) {
        out.write(type);
        if (type == '5' || type == '6') {
            JsonBytes.writeNumber(out, attachments);
            out.write('-');
        }
    }
}
