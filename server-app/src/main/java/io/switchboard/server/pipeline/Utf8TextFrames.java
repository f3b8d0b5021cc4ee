package io.switchboard.server.pipeline;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.switchboard.protocol.json.Utf8;

/**
 * RFC 6455 requires text frames to be UTF-8 and the connection to be failed with 1007 otherwise. Netty's own
 * validator walks every byte through a state machine; this checks whole aggregated messages, eight ASCII bytes at a
 * time, and falls back to the strict {@link Utf8} check from the first non-ASCII byte.
 */
public final class Utf8TextFrames {
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Utf8TextFrames() {}

    /** Whether the readable bytes of {@code content} are well-formed UTF-8. Does not move the reader index. */
    public static boolean isValid(ByteBuf content) {
        int i = content.readerIndex();
        int end = content.writerIndex();
        while (i + Long.BYTES <= end && (content.getLong(i) & HIGH_BITS) == 0) {
            i += Long.BYTES;
        }
        while (i < end && content.getByte(i) >= 0) {
            i++;
        }
        if (i == end) {
            return true;
        }
        byte[] rest = ByteBufUtil.getBytes(content, i, end - i, false);
        return Utf8.isValid(rest, 0, rest.length);
    }
}
