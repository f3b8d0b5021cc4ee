package io.switchboard.protocol.socketio;

import static java.util.Objects.requireNonNull;

import io.switchboard.core.Nullable;
import java.nio.charset.StandardCharsets;

/**
 * The header of one Socket.IO packet, {@code <type>[<attachments>-][<nsp>,][<ackId>]}, and where its JSON data
 * starts. Parsed exactly as the reference parser ({@code socket.io-parser} 4.x) does.
 *
 * @param type the packet type
 * @param attachments binary attachments that follow (binary types only)
 * @param namespace the namespace, {@code /} when absent
 * @param ackId the acknowledgement id, or -1
 * @param dataOffset where the JSON data starts in the packet
 * @param dataLength how long the JSON data is (0: no data)
 */
public record SocketIoHeader(
        SocketIoPacketType type, int attachments, String namespace, long ackId, int dataOffset, int dataLength) {
    /** Most attachments one packet may announce. */
    public static final int MAX_ATTACHMENTS = 64;

    private static final int MAX_NAMESPACE = 256;
    private static final int MAX_ACK_DIGITS = 15;

    /** The namespace is required. */
    public SocketIoHeader {
        requireNonNull(type, "type");
        requireNonNull(namespace, "namespace");
    }

    /** Whether the packet has JSON data. */
    public boolean hasData() {
        return dataLength > 0;
    }

    /** Parses the header of the packet in {@code length} bytes at {@code offset}; null when it is malformed. */
    public static @Nullable SocketIoHeader parse(byte[] packet, int offset, int length) {
        int end = offset + length;
        if (length == 0) {
            return null;
        }
        SocketIoPacketType type = SocketIoPacketType.of(packet[offset]);
        if (type == null) {
            return null;
        }
        int i = offset + 1;
        int attachments = 0;
        if (type.isBinary()) {
            int start = i;
            while (i < end && packet[i] >= '0' && packet[i] <= '9' && i - start < 3) {
                attachments = attachments * 10 + (packet[i++] - '0');
            }
            if (i == start || i >= end || packet[i] != '-' || attachments > MAX_ATTACHMENTS) {
                return null;
            }
            i++;
        }
        String namespace = "/";
        if (i < end && packet[i] == '/') {
            int start = i;
            while (i < end && packet[i] != ',') {
                i++;
            }
            if (i - start > MAX_NAMESPACE) {
                return null;
            }
            namespace = new String(packet, start, i - start, StandardCharsets.UTF_8);
            if (i < end) {
                i++; // the comma
            }
        }
        long ackId = -1;
        if (i < end && packet[i] >= '0' && packet[i] <= '9') {
            int start = i;
            ackId = 0;
            while (i < end && packet[i] >= '0' && packet[i] <= '9') {
                if (i - start >= MAX_ACK_DIGITS) {
                    return null;
                }
                ackId = ackId * 10 + (packet[i++] - '0');
            }
        }
        return new SocketIoHeader(type, attachments, namespace, ackId, i, end - i);
    }
}
