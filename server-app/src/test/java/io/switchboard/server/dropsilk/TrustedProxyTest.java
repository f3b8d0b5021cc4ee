package io.switchboard.server.dropsilk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.core.network.Cidr;
import io.switchboard.server.testing.TestServer;
import io.switchboard.server.testing.WsClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** LAN/WAN comes from X-Forwarded-For only when the connecting peer is a trusted proxy. */
class TrustedProxyTest {
    @Test
    void behindATrustedProxyTheForwardedAddressDecidesLanOrWan() {
        try (TestServer server = TestServer.start(b -> b.trustedProxies(List.of(Cidr.parse("127.0.0.1/32"))))) {
            assertEquals("wan", connectionType(server, "spoof, 8.8.8.8", "1.1.1.1"));
            assertEquals("lan", connectionType(server, "203.0.113.9", "203.0.113.9"));
            assertEquals("lan", connectionType(server, "192.168.7.2", "192.168.7.200"));
        }
    }

    @Test
    void withoutATrustedProxyTheHeaderIsIgnored() {
        try (TestServer server = TestServer.start()) {
            assertEquals("lan", connectionType(server, "8.8.8.8", "1.1.1.1"));
        }
    }

    private static String connectionType(TestServer server, String hostXff, String guestXff) {
        try (WsClient host = server.client(Map.of("X-Forwarded-For", hostXff));
                WsClient guest = server.client(Map.of("X-Forwarded-For", guestXff))) {
            host.send("{\"type\":\"create-flight\"}");
            String code = (String) host.awaitType("flight-created").get("flightCode");
            guest.send("{\"type\":\"join-flight\",\"flightCode\":\"" + code + "\"}");
            return (String) guest.awaitType("peer-joined").get("connectionType");
        }
    }
}
