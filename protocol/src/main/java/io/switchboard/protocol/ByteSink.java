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

    /**
     * Appends the chars {@code from} (inclusive) to {@code to} (exclusive) of {@code text}, each one byte; the caller
     * guarantees they are all below 0x80. Sinks override it to copy in bulk.
     */
    default void writeAscii(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            write(text.charAt(i));
        }
    }
}
