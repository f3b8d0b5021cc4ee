package io.switchboard.server.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.timeout.IdleStateEvent;
import org.junit.jupiter.api.Test;

class WebSocketHeartbeatHandlerTest {
    @Test
    void aSilentPeerIsPingedThenClosedWhenItStaysSilent() {
        EmbeddedChannel ch = new EmbeddedChannel(new WebSocketHeartbeatHandler());
        ch.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);
        PingWebSocketFrame ping = assertInstanceOf(PingWebSocketFrame.class, ch.readOutbound());
        ping.release();
        assertTrue(ch.isOpen());
        ch.pipeline().fireUserEventTriggered(IdleStateEvent.READER_IDLE_STATE_EVENT);
        assertFalse(ch.isOpen());
        assertFalse(ch.finish());
    }

    @Test
    void anyInboundByteCountsAsAnAnswer() {
        EmbeddedChannel ch = new EmbeddedChannel(new WebSocketHeartbeatHandler());
        ch.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);
        ((PingWebSocketFrame) ch.readOutbound()).release();
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {(byte) 0x8a, 0}));
        ((io.netty.buffer.ByteBuf) ch.readInbound()).release();
        ch.pipeline().fireUserEventTriggered(IdleStateEvent.READER_IDLE_STATE_EVENT);
        assertTrue(ch.isOpen());
        ((PingWebSocketFrame) ch.readOutbound()).release();
        assertNull(ch.readOutbound());
        assertFalse(ch.finish());
    }
}
