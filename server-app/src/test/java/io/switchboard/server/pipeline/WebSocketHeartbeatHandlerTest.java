package io.switchboard.server.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The heartbeat on Netty's embedded event loop, whose clock the tests move by hand. */
class WebSocketHeartbeatHandlerTest {
    private static final long INTERVAL_MS = 1_000;
    private static final long ROUND_MS = INTERVAL_MS / WebSocketHeartbeats.ROUNDS_PER_INTERVAL;

    private final WebSocketHeartbeats heartbeats = new WebSocketHeartbeats(Duration.ofMillis(INTERVAL_MS));

    @Test
    void aSilentPeerIsPingedAfterOneIntervalAndClosedAfterAnother() {
        EmbeddedChannel ch = watched();
        rounds(ch, WebSocketHeartbeats.ROUNDS_PER_INTERVAL - 1);
        assertNull(ch.readOutbound(), "no ping before an interval of silence");
        rounds(ch, 1);
        assertInstanceOf(PingWebSocketFrame.class, ch.readOutbound()).release();
        rounds(ch, WebSocketHeartbeats.ROUNDS_PER_INTERVAL - 1);
        assertTrue(ch.isOpen(), "still open within the interval after the ping");
        rounds(ch, 1);
        assertFalse(ch.isOpen());
        assertNull(ch.readOutbound(), "one ping only");
        assertEquals(0, heartbeats.watched());
        assertFalse(ch.finish());
    }

    @Test
    void anyInboundByteCountsAsAnAnswerAndRestartsTheSilence() {
        EmbeddedChannel ch = watched();
        rounds(ch, WebSocketHeartbeats.ROUNDS_PER_INTERVAL);
        assertInstanceOf(PingWebSocketFrame.class, ch.readOutbound()).release();
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {(byte) 0x8a, 0})); // a pong, raw
        ((ByteBuf) ch.readInbound()).release();
        rounds(ch, 2 * WebSocketHeartbeats.ROUNDS_PER_INTERVAL - 1);
        assertTrue(ch.isOpen());
        assertInstanceOf(PingWebSocketFrame.class, ch.readOutbound()).release();
        assertNull(ch.readOutbound());
        ch.close();
        assertFalse(ch.finish());
    }

    @Test
    void aPeerThatKeepsTalkingIsNeverPinged() {
        EmbeddedChannel ch = watched();
        for (int i = 0; i < 5 * WebSocketHeartbeats.ROUNDS_PER_INTERVAL; i++) {
            ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {(byte) 0x81, 0}));
            ((ByteBuf) ch.readInbound()).release();
            rounds(ch, 1);
        }
        assertNull(ch.readOutbound());
        assertTrue(ch.isOpen());
        ch.close();
        assertFalse(ch.finish());
    }

    @Test
    void closedOrReplacedConnectionsLeaveTheirRoundAndTheOthersStayWatched() {
        EmbeddedChannel a = watched();
        a.pipeline().addLast(new WebSocketHeartbeatHandler(heartbeats)); // a second member of the same loop's round
        assertEquals(2, heartbeats.watched());
        a.pipeline().removeFirst();
        assertEquals(1, heartbeats.watched());
        rounds(a, WebSocketHeartbeats.ROUNDS_PER_INTERVAL);
        assertInstanceOf(PingWebSocketFrame.class, a.readOutbound()).release();
        a.pipeline().replace(WebSocketHeartbeatHandler.class, "other", new ChannelInboundHandlerAdapter());
        assertEquals(0, heartbeats.watched());
        rounds(a, 2 * WebSocketHeartbeats.ROUNDS_PER_INTERVAL);
        assertTrue(a.isOpen(), "a removed heartbeat closes nothing");
        a.close();
        assertFalse(a.finish());
    }

    private EmbeddedChannel watched() {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.freezeTime();
        ch.pipeline().addLast(new WebSocketHeartbeatHandler(heartbeats));
        return ch;
    }

    private static void rounds(EmbeddedChannel ch, int n) {
        for (int i = 0; i < n; i++) {
            ch.advanceTimeBy(ROUND_MS, TimeUnit.MILLISECONDS);
            ch.runScheduledPendingTasks();
        }
    }
}
