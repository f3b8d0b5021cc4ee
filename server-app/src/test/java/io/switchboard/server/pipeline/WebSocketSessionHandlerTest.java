package io.switchboard.server.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import io.switchboard.core.CoreLimits;
import io.switchboard.core.SignalingNode;
import io.switchboard.core.id.AppId;
import io.switchboard.core.id.NodeId;
import io.switchboard.core.id.SecureIdGenerator;
import io.switchboard.core.message.Event;
import io.switchboard.core.room.FlightService;
import io.switchboard.core.spi.memory.InMemoryStores;
import io.switchboard.protocol.ByteSink;
import io.switchboard.protocol.Decoded;
import io.switchboard.protocol.Dialect;
import io.switchboard.protocol.dropsilk.DropSilkDialect;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebSocketSessionHandlerTest {
    private final SignalingNode node = new SignalingNode(
            new NodeId("n"),
            new InMemoryStores(),
            new SignalingNode.NodeServices(
                    Clock.systemUTC(), new SecureIdGenerator(), (task, delay) -> {}, e -> {}, CoreLimits.DEFAULTS));

    WebSocketSessionHandlerTest() {
        node.register(AppId.DROPSILK, new FlightService(AppId.DROPSILK, node));
    }

    @Test
    void aDialectThatThrowsAnswersInternalAndTheSessionLivesOn() {
        EmbeddedChannel ch = openSession(new ThrowingDialect());
        texts(ch); // registered
        ch.writeInbound(new TextWebSocketFrame("boom"));
        ch.runPendingTasks();
        assertEquals(List.of("{\"type\":\"error\",\"message\":\"Server error processing your request\"}"), texts(ch));
        ch.writeInbound(new TextWebSocketFrame("{\"type\":\"create-flight\"}"));
        ch.runPendingTasks();
        assertTrue(texts(ch).get(0).startsWith("{\"type\":\"flight-created\""));
        assertTrue(ch.isOpen());
        ch.close();
        assertEquals(0, node.sessions().size());
        assertFalse(ch.finish());
    }

    @Test
    void theHandshakeOpensASessionAndRemovesTheHttpHandlers() {
        EmbeddedChannel ch = openSession(new DropSilkDialect());
        assertTrue(texts(ch).get(0).startsWith("{\"type\":\"registered\",\"id\":\""));
        assertEquals(1, node.sessions().size());
        assertEquals(null, ch.pipeline().get(HandlerNames.HTTP_ROUTER));
        assertTrue(ch.pipeline().get(HandlerNames.WS_HEARTBEAT) instanceof WebSocketHeartbeatHandler);
        assertEquals(null, ch.pipeline().get(HandlerNames.IDLE), "the heartbeat needs no idle timer of its own");
        ch.close();
        assertFalse(ch.finish());
    }

    private EmbeddedChannel openSession(Dialect dialect) {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.pipeline().addLast(HandlerNames.IDLE, new ChannelInboundHandlerAdapter());
        ch.pipeline().addLast(HandlerNames.IDLE_CLOSE, new ChannelInboundHandlerAdapter());
        ch.pipeline().addLast(HandlerNames.HTTP_ROUTER, new ChannelInboundHandlerAdapter());
        ch.pipeline()
                .addLast(
                        HandlerNames.WS_SESSION,
                        new WebSocketSessionHandler(
                                dialect, node, 1024 * 1024, new WebSocketHeartbeats(Duration.ofSeconds(30))));
        ch.pipeline().fireUserEventTriggered(new HandshakeComplete("/", new DefaultHttpHeaders(), null));
        ch.runPendingTasks();
        return ch;
    }

    private static List<String> texts(EmbeddedChannel ch) {
        List<String> out = new ArrayList<>();
        for (Object o = ch.readOutbound(); o != null; o = ch.readOutbound()) {
            TextWebSocketFrame frame = (TextWebSocketFrame) o;
            out.add(frame.content().toString(StandardCharsets.UTF_8));
            frame.release();
        }
        return out;
    }

    /** DropSilk, except that a message reading "boom" makes decode throw, as a bug would. */
    private static final class ThrowingDialect implements Dialect {
        private final DropSilkDialect delegate = new DropSilkDialect();

        @Override
        public AppId app() {
            return delegate.app();
        }

        @Override
        public String initialName() {
            return delegate.initialName();
        }

        @Override
        public Decoded decode(byte[] frame, int offset, int length) {
            if (new String(frame, offset, length, StandardCharsets.UTF_8).equals("boom")) {
                throw new IllegalStateException("bug in a dialect");
            }
            return delegate.decode(frame, offset, length);
        }

        @Override
        public void encode(Event event, ByteSink out) {
            delegate.encode(event, out);
        }
    }
}
