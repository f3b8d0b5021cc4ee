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

/** The heartbeat on Netty's embedded event loop, whose clock the tests move by hand, one tick of the walk at a time. */
class WebSocketHeartbeatHandlerTest {
    private final WebSocketHeartbeats heartbeats = new WebSocketHeartbeats(Duration.ofSeconds(1));
    private final int ticksPerInterval = WebSocketHeartbeats.VISITS_PER_INTERVAL * heartbeats.ticksPerWalk();
    private final int ticksPerWalk = heartbeats.ticksPerWalk();

    @Test
    void aSilentPeerIsPingedAfterOneIntervalAndClosedAfterAnotherWithoutAnAnswer() {
        EmbeddedChannel ch = watched();
        int ticksToPing = ticksUntil(ch, () -> ch.outboundMessages().size() > 0);
        assertInstanceOf(PingWebSocketFrame.class, ch.readOutbound()).release();
        int ticksToClose = ticksUntil(ch, () -> !ch.isOpen());
        // on the embedded clock: each step at least one interval, and at most one walk (plus a tick) later than that
        assertBetween(ticksPerInterval - 1, ticksPerInterval + ticksPerWalk + 1, ticksToPing);
        assertBetween(ticksPerInterval - 1, ticksPerInterval + ticksPerWalk + 1, ticksToClose);
        assertNull(ch.readOutbound(), "one ping only");
        assertEquals(0, heartbeats.watched());
        assertFalse(ch.finish());
    }

    @Test
    void anyInboundByteCountsAsAnAnswerAndRestartsTheSilence() {
        EmbeddedChannel ch = watched();
        ticksUntil(ch, () -> ch.outboundMessages().size() > 0);
        assertInstanceOf(PingWebSocketFrame.class, ch.readOutbound()).release();
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {(byte) 0x8a, 0})); // a pong, raw
        ((ByteBuf) ch.readInbound()).release();
        int ticksToNextPing = ticksUntil(ch, () -> ch.outboundMessages().size() > 0 || !ch.isOpen());
        assertTrue(ch.isOpen(), "answered: pinged again, not closed");
        assertBetween(ticksPerInterval - 1, ticksPerInterval + 2 * ticksPerWalk + 1, ticksToNextPing);
        assertInstanceOf(PingWebSocketFrame.class, ch.readOutbound()).release();
        ch.close();
        assertFalse(ch.finish());
    }

    @Test
    void aPeerThatKeepsTalkingIsNeverPinged() {
        EmbeddedChannel ch = watched();
        for (int i = 0; i < 5 * ticksPerInterval; i++) {
            if (i % ticksPerWalk == 0) {
                ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {(byte) 0x81, 0}));
                ((ByteBuf) ch.readInbound()).release();
            }
            tick(ch);
        }
        assertNull(ch.readOutbound());
        assertTrue(ch.isOpen());
        ch.close();
        assertFalse(ch.finish());
    }

    @Test
    void connectionsThatFellSilentTogetherArePingedOverAWalkNotInOneTick() {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.freezeTime();
        int n = 10 * ticksPerWalk;
        for (int i = 0; i < n; i++) { // n members of one loop's walk, all silent from the same moment
            ch.pipeline().addLast(new WebSocketHeartbeatHandler(heartbeats));
        }
        assertEquals(n, heartbeats.watched());
        int pings = 0;
        int most = 0;
        for (int i = 0; i < ticksPerInterval + 2 * ticksPerWalk && pings < n; i++) {
            tick(ch);
            int now = 0;
            for (Object o = ch.readOutbound(); o != null; o = ch.readOutbound()) {
                assertInstanceOf(PingWebSocketFrame.class, o).release();
                now++;
            }
            pings += now;
            most = Math.max(most, now);
        }
        assertEquals(n, pings, "every connection pinged once");
        assertEquals(n / ticksPerWalk, most, "each tick pings only its slice of the walk");
        ch.close();
        assertFalse(ch.finish());
    }

    @Test
    void closedOrReplacedConnectionsLeaveTheirWalkAndTheOthersStayWatched() {
        EmbeddedChannel a = watched();
        a.pipeline().addLast(new WebSocketHeartbeatHandler(heartbeats)); // a second member of the same loop's walk
        assertEquals(2, heartbeats.watched());
        a.pipeline().removeFirst();
        assertEquals(1, heartbeats.watched());
        ticksUntil(a, () -> a.outboundMessages().size() > 0);
        assertInstanceOf(PingWebSocketFrame.class, a.readOutbound()).release();
        a.pipeline().replace(WebSocketHeartbeatHandler.class, "other", new ChannelInboundHandlerAdapter());
        assertEquals(0, heartbeats.watched());
        for (int i = 0; i < 3 * ticksPerInterval; i++) {
            tick(a);
        }
        assertTrue(a.isOpen(), "a removed heartbeat closes nothing");
        assertEquals(-1, a.runScheduledPendingTasks(), "an empty walk leaves no timer behind");
        a.pipeline().addLast(new WebSocketHeartbeatHandler(heartbeats)); // and the next connection starts a new one
        ticksUntil(a, () -> a.outboundMessages().size() > 0);
        assertInstanceOf(PingWebSocketFrame.class, a.readOutbound()).release();
        a.close();
        assertFalse(a.finish());
    }

    private EmbeddedChannel watched() {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.freezeTime();
        ch.pipeline().addLast(new WebSocketHeartbeatHandler(heartbeats));
        return ch;
    }

    private int ticksUntil(EmbeddedChannel ch, java.util.function.BooleanSupplier done) {
        for (int i = 1; i <= 10 * ticksPerInterval; i++) {
            tick(ch);
            if (done.getAsBoolean()) {
                return i;
            }
        }
        throw new AssertionError("not within 10 intervals");
    }

    private void tick(EmbeddedChannel ch) {
        ch.advanceTimeBy(heartbeats.tickNanos(), TimeUnit.NANOSECONDS);
        ch.runScheduledPendingTasks();
    }

    private static void assertBetween(int low, int high, int actual) {
        assertTrue(actual >= low && actual <= high, actual + " ticks, expected " + low + ".." + high);
    }
}
