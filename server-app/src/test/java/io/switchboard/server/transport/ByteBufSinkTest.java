package io.switchboard.server.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.switchboard.protocol.ByteArraySink;
import io.switchboard.protocol.json.JsonBytes;
import org.junit.jupiter.api.Test;

class ByteBufSinkTest {
    @Test
    void writesJsonStringsExactlyAsTheArraySinkDoes() {
        for (String value : new String[] {
            "", "AbCdEfGhIj0123456789", "say \"hi\"\\", "tab\there", "Zoë", "€ and 😀", "ctl\u0001", "\ud800 lone"
        }) {
            ByteArraySink expected = new ByteArraySink();
            JsonBytes.writeString(expected, value);
            ByteBuf buf = Unpooled.buffer();
            try {
                JsonBytes.writeString(new ByteBufSink(buf), value);
                assertArrayEquals(expected.toByteArray(), ByteBufUtil.getBytes(buf), value);
            } finally {
                buf.release();
            }
        }
    }
}
