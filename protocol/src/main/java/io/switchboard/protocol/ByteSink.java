package io.switchboard.protocol;

/**
 * Where an encoder writes bytes: a Netty buffer in the server, a byte array in tests and the bench tool. Keeps the
 * dialects free of any transport type.
 */
public interface ByteSink {
    /** Appends one byte (the low 8 bits of {@code b}). */
    void write(int b);

    /** Appends {@code length} bytes of {@code src} from {@code offset}. */
    void write(byte[] src, int offset, int length);

    /** Appends all of {@code src}. */
    default void write(byte[] src) {
        write(src, 0, src.length);
    }
}
