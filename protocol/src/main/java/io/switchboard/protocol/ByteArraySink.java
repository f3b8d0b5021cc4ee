package io.switchboard.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte array sink, for tests, tools and anything that needs the encoded bytes as an array. */
public final class ByteArraySink implements ByteSink {
    private byte[] bytes;
    private int size;

    /** Creates an empty sink with room for {@code initialCapacity} bytes. */
    public ByteArraySink(int initialCapacity) {
        bytes = new byte[Math.max(16, initialCapacity)];
    }

    /** Creates an empty sink. */
    public ByteArraySink() {
        this(256);
    }

    @Override
    public void write(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] src, int offset, int length) {
        ensure(length);
        System.arraycopy(src, offset, bytes, size, length);
        size += length;
    }

    /** A copy of what was written. */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    /** How many bytes were written. */
    public int size() {
        return size;
    }

    /** Forgets what was written, keeping the capacity. */
    public void reset() {
        size = 0;
    }

    @Override
    public String toString() {
        return new String(bytes, 0, size, StandardCharsets.UTF_8);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
