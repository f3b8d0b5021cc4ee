package io.switchboard.server.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConnectionLimitHandlerTest {
    @Test
    void connectionsOverTheCapGet503AndAreClosed() {
        ConnectionLimitHandler limit = new ConnectionLimitHandler(1);
        EmbeddedChannel first = new EmbeddedChannel(limit);
        EmbeddedChannel second = new EmbeddedChannel(limit);
        assertTrue(first.isOpen());
        ByteBuf refusal = second.readOutbound();
        assertTrue(refusal.toString(StandardCharsets.US_ASCII).startsWith("HTTP/1.1 503 Service Unavailable\r\n"));
        refusal.release();
        assertFalse(second.isOpen());
        assertEquals(1, limit.refused());
        assertEquals(1, limit.open());
        first.close();
        assertEquals(0, limit.open());
        EmbeddedChannel third = new EmbeddedChannel(limit);
        assertTrue(third.isOpen());
        assertFalse(third.finish());
    }
}
