package io.switchboard.protocol.socketio;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.switchboard.protocol.json.Json;
import java.io.IOException;
import java.util.Set;

/**
 * The payload rules of the reference parser ({@code Decoder.isPayloadValid}): what each packet type may carry. A
 * packet that breaks them is a protocol error, and the reference server closes the connection.
 */
public final class SocketIoPayloads {
    /** Event names a server never delivers as user events; sending one is a protocol error. */
    public static final Set<String> RESERVED_EVENTS =
            Set.of("connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener");

    private static final byte[][] RESERVED_BYTES = RESERVED_EVENTS.stream()
            .map(name -> name.getBytes(java.nio.charset.StandardCharsets.US_ASCII))
            .toArray(byte[][]::new);

    private SocketIoPayloads() {}

    /**
     * Whether the data of a packet of {@code header}'s type is acceptable. Checks the shape the reference checks
     * (and, for events, that the first element is a string or number and not a reserved name); a full parse of
     * an event's array is left to its dialect, which reports malformed JSON.
     */
    public static boolean isValid(SocketIoHeader header, byte[] packet) {
        return switch (header.type()) {
            case CONNECT -> !header.hasData() || firstToken(header, packet) == JsonToken.START_OBJECT;
            case DISCONNECT -> !header.hasData();
            case CONNECT_ERROR -> header.hasData();
            case EVENT, BINARY_EVENT -> header.hasData() && isEventArray(header, packet);
            case ACK, BINARY_ACK -> header.hasData() && firstToken(header, packet) == JsonToken.START_ARRAY;
        };
    }

    private static JsonToken firstToken(SocketIoHeader header, byte[] packet) {
        if (packet[header.dataOffset()] == 0) {
            return null; // jackson would take it for UTF-16/32
        }
        try (JsonParser parser = Json.FACTORY.createParser(packet, header.dataOffset(), header.dataLength())) {
            return parser.nextToken();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Checks the event name at the start of the array byte by byte (the hot path: every event), falling back to a
     * parser only for a name with escapes; the dialect parses the whole array afterwards and reports malformed JSON.
     */
    private static boolean isEventArray(SocketIoHeader header, byte[] packet) {
        int i = header.dataOffset();
        int end = i + header.dataLength();
        if (packet[i++] != '[') {
            return false;
        }
        while (i < end && (packet[i] == ' ' || packet[i] == '\t' || packet[i] == '\n' || packet[i] == '\r')) {
            i++;
        }
        if (i >= end) {
            return false;
        }
        byte first = packet[i];
        if (first == '-' || (first >= '0' && first <= '9')) {
            return true; // a numeric event name, which the reference accepts
        }
        if (first != '"') {
            return false;
        }
        int start = ++i;
        while (i < end && packet[i] != '"') {
            if (packet[i] == '\\') {
                return isEventArrayParsed(header, packet);
            }
            i++;
        }
        return i < end && !isReserved(packet, start, i - start);
    }

    private static boolean isReserved(byte[] packet, int start, int length) {
        for (byte[] reserved : RESERVED_BYTES) {
            if (reserved.length == length
                    && java.util.Arrays.equals(reserved, 0, length, packet, start, start + length)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isEventArrayParsed(SocketIoHeader header, byte[] packet) {
        try (JsonParser parser = Json.FACTORY.createParser(packet, header.dataOffset(), header.dataLength())) {
            parser.nextToken();
            JsonToken first = parser.nextToken();
            return first == JsonToken.VALUE_STRING && !RESERVED_EVENTS.contains(parser.getText());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
