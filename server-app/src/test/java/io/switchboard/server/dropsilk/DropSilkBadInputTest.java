package io.switchboard.server.dropsilk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.switchboard.server.testing.TestServer;
import io.switchboard.server.testing.WsClient;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every error string of PROTOCOLS.md §1.4–§1.5 over a real socket; none of them closes the session. */
class DropSilkBadInputTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(b ->
                b.limits(new io.switchboard.core.CoreLimits(1000, 1000, 4096, 100, java.time.Duration.ofMillis(20))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "not json | Invalid message format",
                "null | Invalid message format",
                "[1,2] | Invalid message format",
                "42 | Invalid message format",
                "{} | Invalid message format",
                "{\"type\":7} | Invalid message format",
                "{\"type\":\"create-flight\"}{} | Invalid message format",
                "{\"type\":\"teleport\"} | Unknown message type",
                "{\"type\":\"register-details\"} | Invalid name",
                "{\"type\":\"register-details\",\"name\":42} | Invalid name",
                "{\"type\":\"register-details\",\"name\":\"<script>\"} | Invalid name",
                "{\"type\":\"join-flight\"} | Invalid flight code",
                "{\"type\":\"join-flight\",\"flightCode\":123456} | Invalid flight code",
                "{\"type\":\"join-flight\",\"flightCode\":\"ABC\"} | Invalid flight code",
                "{\"type\":\"join-flight\",\"flightCode\":\"ZZZZZZ\"} | Flight not found or full",
                "{\"type\":\"invite-to-flight\",\"inviteeId\":\"x\"} | Invalid message payload",
                "{\"type\":\"invite-to-flight\",\"inviteeId\":\"x\",\"flightCode\":\"ZZZZZZ\"} "
                        + "| You are not a member of that flight",
                "{\"type\":\"signal\"} | Invalid message payload",
            })
    void badMessagesGetTheExactErrorAndTheSessionStaysOpen(String message, String error) {
        try (WsClient client = server.client()) {
            client.send(message);
            client.expectError(error);
            client.send("{\"type\":\"create-flight\"}");
            client.awaitType("flight-created");
            assertFalse(client.isClosed());
        }
    }

    @Test
    void aMemberCannotCreateASecondFlight() {
        try (WsClient client = server.client()) {
            client.send("{\"type\":\"create-flight\"}");
            client.awaitType("flight-created");
            client.send("{\"type\":\"create-flight\"}");
            client.expectError("Already in a flight");
        }
    }

    @Test
    void aSignalOverTheSizeLimitGetsMessageTooLarge() {
        try (WsClient host = server.client();
                WsClient guest = server.client()) {
            host.send("{\"type\":\"create-flight\"}");
            String code = (String) host.awaitType("flight-created").get("flightCode");
            guest.send("{\"type\":\"join-flight\",\"flightCode\":\"" + code + "\"}");
            host.awaitType("peer-joined");
            host.send("{\"type\":\"signal\",\"data\":\"" + "x".repeat(5000) + "\"}");
            host.expectError("Message too large");
        }
    }

    @Test
    void aBinaryFrameHoldingJsonIsReadLikeText() {
        try (WsClient client = server.client()) {
            client.sendBinary("{\"type\":\"create-flight\"}".getBytes(StandardCharsets.UTF_8));
            client.awaitType("flight-created");
            client.sendBinary(new byte[] {(byte) 0xff, 0, 1, 2});
            client.expectError("Invalid message format");
            // "a" + C0 AF: an overlong '/', which jackson would accept and a browser would refuse.
            byte[] head = "{\"type\":\"register-details\",\"name\":\"a".getBytes(StandardCharsets.UTF_8);
            byte[] overlong = java.util.Arrays.copyOf(head, head.length + 4);
            overlong[head.length] = (byte) 0xC0;
            overlong[head.length + 1] = (byte) 0xAF;
            overlong[head.length + 2] = '"';
            overlong[head.length + 3] = '}';
            client.sendBinary(overlong);
            client.expectError("Invalid message format");
        }
    }

    @Test
    void oneClientsGarbageDoesNotDisturbAnotherFlight() {
        try (WsClient host = server.client();
                WsClient guest = server.client();
                WsClient vandal = server.client()) {
            host.send("{\"type\":\"create-flight\"}");
            String code = (String) host.awaitType("flight-created").get("flightCode");
            guest.send("{\"type\":\"join-flight\",\"flightCode\":\"" + code + "\"}");
            host.awaitType("peer-joined");
            for (int i = 0; i < 50; i++) {
                vandal.send("{\"type\":\"signal\",\"data\":" + "[".repeat(100) + "}");
            }
            host.send("{\"type\":\"signal\",\"data\":{\"candidate\":\"ok\"}}");
            assertEquals("ok", ((java.util.Map<?, ?>) guest.awaitType("signal").get("data")).get("candidate"));
        }
    }
}
