package io.switchboard.server.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.server.testing.NodeProcess;
import io.switchboard.server.testing.WsClient;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The event loops log every connection (telemetry on stdout, text on stderr). A reader of that output that stops
 * reading, such as a stuck pipe, must cost log lines, never the service: the appenders write from a queue.
 */
class StalledOutputTest {
    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES) // a hang guard: a blocked event loop would never answer
    void connectionsAreServedWhileNobodyReadsTheProcessOutput() {
        try (NodeProcess node = NodeProcess.startWithUnreadOutput("dropsilk", "memory")) {
            URI uri = URI.create("ws://127.0.0.1:" + node.port() + "/");
            // each connection logs client:connected and client:disconnected, over 100 bytes each: 800 connections
            // write well past the 64 KiB a pipe holds
            for (int i = 0; i < 800; i++) {
                try (WsClient client = WsClient.connect(uri)) {
                    assertEquals("registered", client.awaitType("registered").get("type"), "connection " + i);
                }
            }
        }
    }
}
