package io.switchboard.server.scaleout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.redis.testing.EmbeddedRedis;
import io.switchboard.server.testing.NodeProcess;
import io.switchboard.server.testing.TestServer;
import io.switchboard.server.testing.WsClient;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** DropSilk with its two clients on two nodes sharing one Redis: flights, signals, lists, invitations, a crash. */
class DropSilkAcrossNodesTest {
    private static final Duration HEARTBEAT = Duration.ofMillis(500);

    @Test
    void aFlightAcrossTwoNodesRelaysBothWaysAndReportsTheLeave() {
        String store = store(EmbeddedRedis.shared().url());
        try (TestServer one = node(store);
                TestServer two = node(store)) {
            flyAcross(one, two);
        }
    }

    @Test
    void aFlightAcrossTwoNodesWorksOnARedisCluster() {
        String store = store(EmbeddedRedis.sharedCluster().get(0).url());
        try (TestServer one = node(store);
                TestServer two = node(store)) {
            flyAcross(one, two);
        }
    }

    @Test
    void usersOfOneNetworkOnTwoNodesSeeAndInviteEachOther() {
        String store = store(EmbeddedRedis.shared().url());
        try (TestServer one = node(store);
                TestServer two = node(store);
                WsClient host = WsClient.connect(one.webSocketUri());
                WsClient neighbour = WsClient.connect(two.webSocketUri())) {
            String hostId = (String) host.awaitType("registered").get("id");
            String neighbourId = (String) neighbour.awaitType("registered").get("id");
            host.send("{\"type\":\"register-details\",\"name\":\"Host\"}");
            neighbour.send("{\"type\":\"register-details\",\"name\":\"Neighbour\"}");

            awaitListed(host, neighbourId, "Neighbour");
            awaitListed(neighbour, hostId, "Host");

            host.send("{\"type\":\"create-flight\"}");
            String code = (String) host.awaitType("flight-created").get("flightCode");
            host.send("{\"type\":\"invite-to-flight\",\"inviteeId\":\"" + neighbourId + "\",\"flightCode\":\"" + code
                    + "\"}");
            Map<String, Object> invitation = neighbour.awaitType("flight-invitation");
            assertEquals(code, invitation.get("flightCode"));
            assertEquals("Host", invitation.get("fromName"));
        }
    }

    @Test
    void theFlightPartnerOfAKilledNodeGetsPeerLeft() {
        String store = store(EmbeddedRedis.shared().url());
        try (TestServer survivor = node(store);
                NodeProcess doomed =
                        NodeProcess.start("dropsilk", store, "--node-heartbeat", HEARTBEAT.toMillis() + "ms");
                WsClient host = survivor.client();
                WsClient guest = WsClient.connect(URI.create("ws://127.0.0.1:" + doomed.port() + "/"))) {
            guest.awaitType("registered");
            host.send("{\"type\":\"create-flight\"}");
            String code = (String) host.awaitType("flight-created").get("flightCode");
            guest.send("{\"type\":\"join-flight\",\"flightCode\":\"" + code + "\"}");
            host.awaitType("peer-joined");
            guest.awaitType("peer-joined");

            doomed.kill();

            // within two heartbeat periods of the last beat; WsClient waits up to 10 s
            host.awaitType("peer-left");
            host.send("{\"type\":\"signal\",\"data\":{\"candidate\":{}}}");
            host.send("{\"type\":\"create-flight\"}");
            assertEquals("Already in a flight", host.awaitType("error").get("message"));
        }
    }

    private static void flyAcross(TestServer one, TestServer two) {
        try (WsClient host = one.client();
                WsClient guest = two.client()) {
            host.send("{\"type\":\"create-flight\"}");
            String code = (String) host.awaitType("flight-created").get("flightCode");
            guest.send("{\"type\":\"join-flight\",\"flightCode\":\"" + code + "\"}");
            assertEquals(code, guest.awaitType("peer-joined").get("flightCode"));
            assertEquals(code, host.awaitType("peer-joined").get("flightCode"));
            for (int i = 0; i < 50; i++) {
                String offer = "{\"candidate\":{\"candidate\":\"candidate:" + i + " 1 udp 1 10.0.0.1 5000 typ host\"}}";
                host.send("{\"type\":\"signal\",\"data\":" + offer + "}");
                assertEquals(
                        Map.of(
                                "type",
                                "signal",
                                "data",
                                Map.of(
                                        "candidate",
                                        Map.of("candidate", "candidate:" + i + " 1 udp 1 10.0.0.1 5000 typ host"))),
                        guest.awaitType("signal"));
                guest.send("{\"type\":\"signal\",\"data\":{\"n\":\"" + i + "\"}}");
                assertEquals(
                        Map.of("n", Integer.toString(i)),
                        host.awaitType("signal").get("data"));
            }
            for (TestServer node : List.of(one, two)) {
                Map<String, Double> bus = busCounters(node);
                assertTrue(bus.get("published") >= 50 && bus.get("received") >= 50, bus::toString);
                assertTrue(bus.get("frames") >= 1 && bus.get("frames") <= bus.get("published"), bus::toString);
            }
            guest.close();
            host.awaitType("peer-left");
        }
    }

    /** The node's bus counters from its /metrics: deliveries published and received, frames published. */
    private static Map<String, Double> busCounters(TestServer node) {
        Map<String, Double> counters = new TreeMap<>();
        for (String line : node.get("/metrics").body().lines().toList()) {
            String[] sample = line.split(" ", 2);
            switch (sample[0]) {
                case "switchboard_bus_deliveries_total{direction=\"published\"}" -> counters.put(
                        "published", Double.parseDouble(sample[1]));
                case "switchboard_bus_deliveries_total{direction=\"received\"}" -> counters.put(
                        "received", Double.parseDouble(sample[1]));
                case "switchboard_bus_frames_published_total" -> counters.put("frames", Double.parseDouble(sample[1]));
                default -> {}
            }
        }
        return counters;
    }

    private static void awaitListed(WsClient client, String id, String name) {
        while (true) {
            Map<String, Object> update = client.awaitType("users-on-network-update");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> users = (List<Map<String, Object>>) update.get("users");
            if (users.contains(Map.of("id", id, "name", name))) {
                return;
            }
        }
    }

    private static TestServer node(String store) {
        return TestServer.start(b -> b.store(store).nodeHeartbeat(HEARTBEAT));
    }

    /** The Redis URL with a key prefix of this test's own, so nodes of other tests are strangers. */
    private static String store(String url) {
        return url + "?prefix=t" + UUID.randomUUID().toString().substring(0, 8) + ":";
    }
}
