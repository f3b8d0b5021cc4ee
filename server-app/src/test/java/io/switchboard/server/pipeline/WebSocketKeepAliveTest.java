package io.switchboard.server.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.redis.testing.Eventually;
import io.switchboard.server.testing.TestServer;
import io.switchboard.server.testing.WsClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A client that answers the server's WebSocket pings (as browsers and the JDK's client do by themselves) stays
 * connected however long it is otherwise silent; only a silent one is dropped.
 */
class WebSocketKeepAliveTest {
    private static final int PING = 0x9;

    @Test
    void aClientThatAnswersPingsOutlivesManyPingIntervals() {
        try (TestServer server = TestServer.start(b -> b.pingInterval(Duration.ofMillis(100)));
                WsClient client = server.client()) {
            // five pings answered, with nothing else from the client: a silent peer would have been closed after two
            Eventually.await(Duration.ofSeconds(10), () -> client.pings() >= 5 ? null : client.pings() + " pings");
            client.send("{\"type\":\"create-flight\"}");
            client.awaitType("flight-created");
        }
    }

    @Test
    void aClientThatNeverAnswersIsPingedOnceAndThenDisconnected() throws IOException {
        try (TestServer server = TestServer.start(b -> b.pingInterval(Duration.ofMillis(100)));
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(10_000); // a bound on a hang, not a timing: the server closes after ~200 ms
            OutputStream out = socket.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            assertTrue(head.startsWith("HTTP/1.1 101"), head);
            int pings = 0;
            for (int b0 = in.read(); b0 >= 0; b0 = in.read()) { // server frames: unmasked, short payloads here
                int length = in.read() & 0x7f;
                if (length == 126) {
                    length = (in.read() << 8) | in.read();
                }
                in.readNBytes(length);
                if ((b0 & 0x0f) == PING) {
                    pings++;
                }
            }
            assertEquals(1, pings, "one ping, then the connection is closed");
            Eventually.await(
                    Duration.ofSeconds(10),
                    () -> server.server().node().sessions().size() == 0
                            ? null
                            : server.server().node().sessions().size() + " sessions open");
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }
}
