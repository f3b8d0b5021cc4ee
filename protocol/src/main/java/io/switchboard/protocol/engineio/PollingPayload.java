package io.switchboard.protocol.engineio;

import io.switchboard.core.Nullable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The HTTP long-polling payload of Engine.IO v4: packets separated by the record separator {@code 0x1e}; a binary
 * packet is written as {@code b} followed by its base64.
 */
public final class PollingPayload {
    /** The separator between packets. */
    public static final byte SEPARATOR = 0x1e;

    private PollingPayload() {}

    /**
     * Splits a POST body into packets. A text packet is returned as its bytes (type digit first); a binary packet
     * ({@code b...}) is decoded from base64 and returned as a {@link Packet} with {@code binary} set. Returns null
     * when a binary packet's base64 is malformed or a packet is empty.
     */
    public static @Nullable List<Packet> decode(byte[] body, int offset, int length) {
        List<Packet> packets = new ArrayList<>();
        int start = offset;
        int end = offset + length;
        for (int i = offset; i <= end; i++) {
            if (i == end || body[i] == SEPARATOR) {
                Packet packet = packet(body, start, i - start);
                if (packet == null) {
                    return null;
                }
                packets.add(packet);
                start = i + 1;
            }
        }
        return packets;
    }

    private static @Nullable Packet packet(byte[] body, int offset, int length) {
        if (length == 0) {
            return null;
        }
        if (body[offset] == 'b') {
            try {
                return new Packet(
                        Base64.getDecoder().decode(Arrays.copyOfRange(body, offset + 1, offset + length)), true);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        byte[] text = new byte[length];
        System.arraycopy(body, offset, text, 0, length);
        return new Packet(text, false);
    }

    /** One packet from a payload: a text packet (type digit first) or the raw bytes of a binary packet. */
    public static final class Packet {
        private final byte[] bytes;
        private final boolean binary;

        Packet(byte[] bytes, boolean binary) {
            this.bytes = bytes;
            this.binary = binary;
        }

        /** The packet's bytes; owned by the caller from now on. */
        public byte[] bytes() {
            return bytes;
        }

        /** Whether it was a {@code b<base64>} packet. */
        public boolean binary() {
            return binary;
        }
    }
}
