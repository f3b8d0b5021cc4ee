package io.switchboard.redis;

import io.switchboard.core.Nullable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Appends the primitives of a bus payload to a growing array: bytes, unsigned varints for lengths and counts,
 * big-endian fixed-width numbers, length-prefixed UTF-8 strings and byte arrays. Not thread-safe.
 */
final class PayloadWriter {
    private byte[] buffer;
    private int size;

    PayloadWriter(int initialCapacity) {
        buffer = new byte[Math.max(16, initialCapacity)];
    }

    void writeByte(int value) {
        ensure(1);
        buffer[size++] = (byte) value;
    }

    void writeBoolean(boolean value) {
        writeByte(value ? 1 : 0);
    }

    /** Writes a non-negative int in 1 to 5 bytes, seven bits at a time, low bits first. */
    void writeVarInt(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("varint: " + value + " (expected: >= 0)");
        }
        ensure(5);
        int v = value;
        while ((v & ~0x7f) != 0) {
            buffer[size++] = (byte) ((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        buffer[size++] = (byte) v;
    }

    void writeInt(int value) {
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            buffer[size++] = (byte) (value >>> shift);
        }
    }

    void writeLong(long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[size++] = (byte) (value >>> shift);
        }
    }

    /** Writes {@code length} bytes of {@code array} from {@code offset}, preceded by their count. */
    void writeBytes(byte[] array, int offset, int length) {
        writeVarInt(length);
        writeRaw(array, offset, length);
    }

    /** Writes bytes as they are, with no length in front (the caller framed them). */
    void writeRaw(byte[] array, int offset, int length) {
        ensure(length);
        System.arraycopy(array, offset, buffer, size, length);
        size += length;
    }

    void writeString(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        writeBytes(utf8, 0, utf8.length);
    }

    /** A presence byte (0 for null, 1 otherwise) followed by the string. */
    void writeNullableString(@Nullable String value) {
        writeBoolean(value != null);
        if (value != null) {
            writeString(value);
        }
    }

    int size() {
        return size;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    private void ensure(int extra) {
        int needed = size + extra;
        if (needed < 0) {
            throw new IllegalStateException("payload: over 2 GiB");
        }
        if (needed > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(needed, buffer.length * 2));
        }
    }
}
