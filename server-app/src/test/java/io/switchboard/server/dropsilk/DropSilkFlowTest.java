package io.switchboard.server.dropsilk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.server.testing.TestServer;
import io.switchboard.server.testing.WsClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DropSilkFlowTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void registeredIsTheFirstMessageAndCarriesAnId() {
        try (WsClient client = WsClient.connect(server.webSocketUri())) {
            Map<String, Object> first = client.nextJson();
            assertEquals("registered", first.get("type"));
            assertTrue(((String) first.get("id")).matches("[0-9a-z]{10}"), first.toString());
        }
    }

    @Test
    void createJoinSignalBothWaysAndLeave() {
        try (WsClient host = server.client();
                WsClient guest = server.client()) {
            host.send("{\"type\":\"register-details\",\"name\":\"Host\",\"localIpPrefix\":\"unknown\"}");
            guest.send("{\"type\":\"register-details\",\"name\":\"Guest\"}");
            host.send("{\"type\":\"create-flight\"}");
            String code = (String) host.awaitType("flight-created").get("flightCode");
            assertTrue(code.matches("[A-HJ-NP-Z2-9]{6}"), code);

            guest.send("{\"type\":\"join-flight\",\"flightCode\":\"" + code.toLowerCase(java.util.Locale.ROOT) + "\"}");
            Map<String, Object> toGuest = guest.awaitType("peer-joined");
            Map<String, Object> toHost = host.awaitType("peer-joined");
            assertEquals(code, toGuest.get("flightCode"));
            assertEquals("Host", ((Map<?, ?>) toGuest.get("peer")).get("name"));
            assertEquals("Guest", ((Map<?, ?>) toHost.get("peer")).get("name"));
            assertEquals("lan", toHost.get("connectionType"), "two clients on loopback share a network");

            String offer = "{\"sdp\":{\"type\":\"offer\",\"sdp\":\"v=0\\r\\no=- 1 2 IN IP4 127.0.0.1\\r\\n\"}}";
            host.send("{\"type\":\"signal\",\"data\":" + offer + "}");
            assertEquals("{\"type\":\"signal\",\"data\":" + offer + "}", awaitRaw(guest, "signal"));
            String candidate =
                    "{ \"candidate\" : {\"candidate\":\"candidate:1 1 udp 2122260223 10.0.0.2 5000 typ host\","
                            + "\"sdpMid\":\"0\",\"sdpMLineIndex\":0} }";
            guest.send("{\"type\":\"signal\",\"data\":" + candidate + "}");
            assertEquals("{\"type\":\"signal\",\"data\":" + candidate + "}", awaitRaw(host, "signal"));

            guest.close();
            host.awaitType("peer-left");
        }
    }

    @Test
    void membersOfTheSameNetworkSeeEachOtherInTheUserList() {
        try (WsClient a = server.client();
                WsClient b = server.client()) {
            a.send("{\"type\":\"register-details\",\"name\":\"Alice\"}");
            String bId = null;
            for (int i = 0; i < 20 && bId == null; i++) {
                Map<String, Object> update = b.awaitType("users-on-network-update");
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> users = (List<Map<String, Object>>) update.get("users");
                for (Map<String, Object> user : users) {
                    if ("Alice".equals(user.get("name"))) {
                        bId = (String) user.get("id");
                    }
                }
            }
            assertTrue(bId != null, "Alice never appeared in Bob's list");
        }
    }

    @Test
    void aFlightMemberCanInviteANeighbour() {
        try (WsClient host = server.client();
                WsClient neighbour = WsClient.connect(server.webSocketUri())) {
            String neighbourId = (String) neighbour.awaitType("registered").get("id");
            host.send("{\"type\":\"register-details\",\"name\":\"Host\"}");
            host.send("{\"type\":\"create-flight\"}");
            String code = (String) host.awaitType("flight-created").get("flightCode");
            host.send("{\"type\":\"invite-to-flight\",\"inviteeId\":\"" + neighbourId + "\",\"flightCode\":\"" + code
                    + "\"}");
            Map<String, Object> invitation = neighbour.awaitType("flight-invitation");
            assertEquals(code, invitation.get("flightCode"));
            assertEquals("Host", invitation.get("fromName"));
        }
    }

    private static String awaitRaw(WsClient client, String type) {
        for (int i = 0; i < 50; i++) {
            String raw = client.next();
            if (raw.startsWith("{\"type\":\"" + type + "\"")) {
                return raw;
            }
        }
        throw new AssertionError("no " + type);
    }
}
