package io.switchboard.core.message;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A JSON value exactly as a peer sent it (an SDP, a candidate, any {@code data}), kept as a slice of the bytes it
 * arrived in. It is never parsed and never re-encoded: the receiving dialect splices the bytes into its envelope.
 *
 * <p>The array is shared, not copied; whoever creates a {@code RawJson} hands the slice over and must not change it.
 */
public final class RawJson {
    private final byte[] array;
    private final int offset;
    private final int length;

    private RawJson(byte[] array, int offset, int length) {
        this.array = array;
        this.offset = offset;
        this.length = length;
    }

    /** Wraps {@code length} bytes of {@code array} from {@code offset}; the caller gives up the slice. */
    public static RawJson wrap(byte[] array, int offset, int length) {
        requireNonNull(array, "array");
        if (offset < 0 || length < 0 || offset + length > array.length) {
            throw new IndexOutOfBoundsException("slice " + offset + "+" + length + " of " + array.length);
        }
        return new RawJson(array, offset, length);
    }

    /** Encodes a JSON text (which the caller vouches for) as UTF-8. For tests and the bench tool. */
    public static RawJson of(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return new RawJson(bytes, 0, bytes.length);
    }

    /** The array that holds the slice; read only {@link #offset()} to {@code offset() + length()}. */
    public byte[] array() {
        return array;
    }

    /** Where the value starts in {@link #array()}. */
    public int offset() {
        return offset;
    }

    /** How many bytes the value has. */
    public int length() {
        return length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawJson other
                && Arrays.equals(
                        array, offset, offset + length, other.array, other.offset, other.offset + other.length);
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = offset; i < offset + length; i++) {
            h = 31 * h + array[i];
        }
        return h;
    }

    @Override
    public String toString() {
        return new String(array, offset, length, StandardCharsets.UTF_8);
    }
}
