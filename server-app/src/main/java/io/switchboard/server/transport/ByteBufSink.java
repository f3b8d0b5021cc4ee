package io.switchboard.server.transport;

import io.netty.buffer.ByteBuf;
import io.switchboard.protocol.ByteSink;
import java.nio.charset.StandardCharsets;

/** A {@link ByteSink} that appends to a Netty buffer, so dialects encode straight into the outgoing frame. */
public final class ByteBufSink implements ByteSink {
    private final ByteBuf buf;

    /** Appends to {@code buf}. */
    public ByteBufSink(ByteBuf buf) {
        this.buf = buf;
    }

    @Override
    public void write(int b) {
        buf.writeByte(b);
    }

    @Override
    public void write(byte[] src, int offset, int length) {
        buf.writeBytes(src, offset, length);
    }

    @Override
    public void writeAscii(String text, int from, int to) {
        buf.writeCharSequence(text.subSequence(from, to), StandardCharsets.US_ASCII);
    }
}
