package io.switchboard.protocol.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Strict UTF-8 validation (RFC 3629): no overlong forms, no encoded surrogates, nothing above U+10FFFF. jackson's
 * decoder is lenient about these, and a payload we relay must be valid UTF-8 or the receiving browser fails the
 * connection.
 */
public final class Utf8 {
    /** Eight bytes at once, for the ASCII fast path (the byte order does not matter to the high-bit test). */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private static final long HIGH_BITS = 0x8080808080808080L;

    private Utf8() {}

    /**
     * Whether {@code length} bytes of {@code bytes} from {@code offset} are well-formed UTF-8. Runs of ASCII, which is
     * what signaling messages mostly are, are checked eight bytes at a time.
     */
    public static boolean isValid(byte[] bytes, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (i < end) {
            if (i + Long.BYTES <= end && ((long) LONGS.get(bytes, i) & HIGH_BITS) == 0) {
                i += Long.BYTES;
                continue;
            }
            int b = bytes[i];
            if (b >= 0) {
                i++;
                continue;
            }
            int width = sequenceLength(bytes, i, end);
            if (width == 0) {
                return false;
            }
            i += width;
        }
        return true;
    }

    /** The length of the multi-byte sequence at {@code i}, or 0 when it is malformed. */
    private static int sequenceLength(byte[] bytes, int i, int end) {
        int b0 = bytes[i] & 0xFF;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            return i + 1 < end && isContinuation(bytes[i + 1]) ? 2 : 0;
        }
        if (b0 >= 0xE0 && b0 <= 0xEF) {
            if (i + 2 >= end || !isContinuation(bytes[i + 2])) {
                return 0;
            }
            int b1 = bytes[i + 1] & 0xFF;
            int low = b0 == 0xE0 ? 0xA0 : 0x80; // no overlong forms
            int high = b0 == 0xED ? 0x9F : 0xBF; // no surrogates
            return b1 >= low && b1 <= high ? 3 : 0;
        }
        if (b0 >= 0xF0 && b0 <= 0xF4) {
            if (i + 3 >= end || !isContinuation(bytes[i + 2]) || !isContinuation(bytes[i + 3])) {
                return 0;
            }
            int b1 = bytes[i + 1] & 0xFF;
            int low = b0 == 0xF0 ? 0x90 : 0x80; // no overlong forms
            int high = b0 == 0xF4 ? 0x8F : 0xBF; // nothing above U+10FFFF
            return b1 >= low && b1 <= high ? 4 : 0;
        }
        return 0;
    }

    private static boolean isContinuation(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
