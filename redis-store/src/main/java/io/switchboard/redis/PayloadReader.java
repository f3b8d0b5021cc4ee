package io.switchboard.redis;

import io.switchboard.core.Nullable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads what {@link PayloadWriter} wrote, from a slice of an array, and trusts nothing: every length and count is
 * checked against the bytes left before anything is allocated or skipped, varints longer than 5 bytes or above
 * {@link Integer#MAX_VALUE} are refused, and strings must be valid UTF-8. Each failure is a {@link
 * MalformedPayloadException} naming the offset. Not thread-safe.
 */
final class PayloadReader {
    private final byte[] array;
    private final int end;
    private int position;
    private @Nullable CharsetDecoder utf8;

    PayloadReader(byte[] array, int offset, int length) {
        this.array = array;
        this.position = offset;
        this.end = offset + length;
    }

    /** The array the reader reads from, for slices that are kept without copying. */
    byte[] array() {
        return array;
    }

    int position() {
        return position;
    }

    int remaining() {
        return end - position;
    }

    int readByte() {
        if (position >= end) {
            throw malformed("truncated: expected 1 more byte");
        }
        return array[position++] & 0xff;
    }

    boolean readBoolean() {
        int b = readByte();
        if (b > 1) {
            throw malformed("boolean: " + b + " (expected: 0 or 1)");
        }
        return b == 1;
    }

    int readVarInt() {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = readByte();
            value |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                if (shift == 28 && b > 0x07) {
                    throw malformed("varint: above " + Integer.MAX_VALUE);
                }
                return value;
            }
        }
        throw malformed("varint: longer than 5 bytes");
    }

    /** A length of bytes that follow; never more than what is left. */
    int readLength() {
        int length = readVarInt();
        if (length > remaining()) {
            throw malformed("length: " + length + " (expected: at most the " + remaining() + " bytes left)");
        }
        return length;
    }

    /** A count of items that follow, each at least one byte long; never more than the bytes left. */
    int readCount() {
        int count = readVarInt();
        if (count > remaining()) {
            throw malformed("count: " + count + " (expected: at most the " + remaining() + " bytes left)");
        }
        return count;
    }

    int readInt() {
        require(4);
        int value = 0;
        for (int i = 0; i < 4; i++) {
            value = (value << 8) | (array[position++] & 0xff);
        }
        return value;
    }

    long readLong() {
        require(8);
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (array[position++] & 0xff);
        }
        return value;
    }

    /** Skips a length-prefixed run of bytes and returns where it starts; it ends at {@link #position()}. */
    int readSlice() {
        int length = readLength();
        int start = position;
        position += length;
        return start;
    }

    byte[] readBytes() {
        int start = readSlice();
        return Arrays.copyOfRange(array, start, position);
    }

    String readString() {
        int length = readLength();
        int start = position;
        position += length;
        if (isAscii(start, length)) {
            return new String(array, start, length, StandardCharsets.US_ASCII);
        }
        try {
            return decoder().decode(ByteBuffer.wrap(array, start, length)).toString();
        } catch (CharacterCodingException e) {
            throw malformed("string at " + start + ": not valid UTF-8");
        }
    }

    @Nullable
    String readNullableString() {
        return readBoolean() ? readString() : null;
    }

    /** Fails unless every byte was read. */
    void expectEnd() {
        if (position != end) {
            throw malformed(remaining() + " unexpected trailing bytes");
        }
    }

    MalformedPayloadException malformed(String problem) {
        return new MalformedPayloadException("bus payload: " + problem + " (at offset " + position + ")");
    }

    private void require(int bytes) {
        if (remaining() < bytes) {
            throw malformed("truncated: expected " + bytes + " more bytes, " + remaining() + " left");
        }
    }

    private boolean isAscii(int start, int length) {
        for (int i = start; i < start + length; i++) {
            if (array[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private CharsetDecoder decoder() {
        if (utf8 == null) {
            utf8 = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        }
        return utf8;
    }
}
