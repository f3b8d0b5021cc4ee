package io.switchboard.server.scaleout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.redis.testing.EmbeddedRedis;
import io.switchboard.redis.testing.Eventually;
import io.switchboard.server.testing.JsonTree;
import io.switchboard.server.testing.NodeProcess;
import io.switchboard.server.testing.TestServer;
import io.switchboard.server.testing.WsClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * PrivyDrop with sender and receiver on two nodes sharing one Redis: the Socket.IO flow across nodes, the exact
 * Redis keys of PROTOCOLS.md §2.3, and a receiver whose node is killed.
 */
class PrivyDropAcrossNodesTest {
    private static final Duration HEARTBEAT = Duration.ofMillis(500);

    @Test
    void senderAndReceiverOnTwoNodesNegotiateAndTheRoomLivesInPrivyDropsKeys() {
        EmbeddedRedis redis = EmbeddedRedis.shared();
        String store = store(redis.url());
        try (TestServer one = node(store);
                TestServer two = node(store)) {
            String room = newRoom(one);
            try (WsClient sender = raw(one.port());
                    WsClient receiver = raw(two.port())) {
                String senderId = connect(sender);
                String receiverId = negotiate(sender, senderId, receiver, room);
                try (Jedis jedis = redis.client()) {
                    assertTrue(jedis.hexists("room:" + room, "created_at"));
                    assertEquals(Set.of(senderId, receiverId), jedis.smembers("room:" + room + ":sockets"));
                    assertEquals(room, jedis.get("socket:" + receiverId));
                    assertTrue(jedis.ttl("socket:" + receiverId) > 86_400);
                }
                receiver.close();
                assertEquals(
                        "42[\"peer-disconnected\",{\"peerId\":\"" + receiverId + "\"}]", nextEvent(sender, "peer-"));
                try (Jedis jedis = redis.client()) {
                    assertNull(jedis.get("socket:" + receiverId));
                    assertEquals(Set.of(senderId), jedis.smembers("room:" + room + ":sockets"));
                }
            }
        }
    }

    @Test
    void signalsAcrossNodesArriveInTheOrderTheyWereSent() {
        String store = store(EmbeddedRedis.shared().url());
        try (TestServer one = node(store);
                TestServer two = node(store)) {
            String room = newRoom(one);
            try (WsClient sender = raw(one.port());
                    WsClient receiver = raw(two.port())) {
                String senderId = connect(sender);
                String receiverId = negotiate(sender, senderId, receiver, room);
                for (int i = 0; i < 150; i++) { // within the default burst of 200 messages
                    sender.send("42[\"ice-candidate\",{\"peerId\":\"" + receiverId + "\",\"candidate\":{\"n\":" + i
                            + "}}]");
                }
                for (int i = 0; i < 150; i++) { // within the default burst of 200 messages
                    String candidate = nextEvent(receiver, "ice-candidate");
                    assertTrue(candidate.contains("{\"candidate\":{\"n\":" + i + "}"), i + ": " + candidate);
                }
            }
        }
    }

    @Test
    void aRestLeaveOnOneNodeStopsTheLeaversSessionOnTheOtherNodeFromUsingTheRoom() {
        String store = store(EmbeddedRedis.shared().url());
        try (TestServer one = node(store);
                TestServer two = node(store)) {
            String room = newRoom(one);
            try (WsClient sender = raw(one.port());
                    WsClient receiver = raw(two.port())) {
                String senderId = connect(sender);
                String receiverId = negotiate(sender, senderId, receiver, room);
                HttpResponse<String> left = TestServer.send(HttpRequest.newBuilder(one.http("/api/leave_room"))
                        .header("Content-Type", "application/json")
                        .POST(BodyPublishers.ofString(
                                "{\"roomId\":\"" + room + "\",\"socketId\":\"" + receiverId + "\"}"))
                        .build());
                assertEquals(200, left.statusCode(), left.body());
                assertEquals(
                        "42[\"peer-disconnected\",{\"peerId\":\"" + receiverId + "\"}]", nextEvent(sender, "peer-"));

                // The leaver's session, on node two, no longer speaks for the room: its announcement goes nowhere,
                // and it may join again, which the sender hears as the next event.
                receiver.send("42[\"initiator-online\",{\"roomId\":\"" + room + "\"}]");
                receiver.send("42[\"join\",{\"roomId\":\"" + room + "\"}]");
                assertTrue(nextEvent(receiver, "joinResponse").contains("\"success\":true"));
                assertEquals("42[\"ready\",{\"peerId\":\"" + receiverId + "\"}]", nextEvent(sender, ""));
            }
        }
    }

    @Test
    void senderAndReceiverOnTwoNodesNegotiateOnARedisCluster() {
        String store = store(EmbeddedRedis.sharedCluster().get(0).url());
        try (TestServer one = node(store);
                TestServer two = node(store)) {
            String room = newRoom(two);
            try (WsClient sender = raw(one.port());
                    WsClient receiver = raw(two.port())) {
                String senderId = connect(sender);
                String receiverId = negotiate(sender, senderId, receiver, room);
                receiver.close();
                assertEquals(
                        "42[\"peer-disconnected\",{\"peerId\":\"" + receiverId + "\"}]", nextEvent(sender, "peer-"));
            }
        }
    }

    @Test
    void theSurvivorsCleanUpAReceiverWhoseNodeWasKilled() {
        EmbeddedRedis redis = EmbeddedRedis.shared();
        String store = store(redis.url());
        try (TestServer survivor = node(store);
                NodeProcess doomed = NodeProcess.start(
                        "privydrop",
                        store,
                        "--node-heartbeat",
                        HEARTBEAT.toMillis() + "ms",
                        "--disable-join-rate-limit")) {
            String room = newRoom(survivor);
            try (WsClient sender = raw(survivor.port());
                    WsClient receiver = raw(doomed.port())) {
                String senderId = connect(sender);
                String receiverId = negotiate(sender, senderId, receiver, room);

                doomed.kill();

                assertEquals(
                        "42[\"peer-disconnected\",{\"peerId\":\"" + receiverId + "\"}]", nextEvent(sender, "peer-"));
                try (Jedis jedis = redis.client()) {
                    Eventually.await(
                            Duration.ofSeconds(10),
                            () -> jedis.get("socket:" + receiverId) == null
                                    ? null
                                    : "socket:" + receiverId + " still bound");
                    assertEquals(Set.of(senderId), jedis.smembers("room:" + room + ":sockets"));
                }
            }
        }
    }

    /** Both join {@code room}, the receiver from the second node; offer, answer and a candidate cross over. */
    private static String negotiate(WsClient sender, String senderId, WsClient receiver, String room) {
        String receiverId = connect(receiver);
        sender.send("42[\"join\",{\"roomId\":\"" + room + "\"}]");
        assertTrue(nextEvent(sender, "joinResponse").contains("\"success\":true"));
        receiver.send("42[\"join\",{\"roomId\":\"" + room + "\"}]");
        assertTrue(nextEvent(receiver, "joinResponse").contains("\"success\":true"));
        assertEquals("42[\"ready\",{\"peerId\":\"" + receiverId + "\"}]", nextEvent(sender, "ready"));
        String sdp = "{\"type\":\"offer\",\"sdp\":\"v=0\\r\\na=x\"}";
        sender.send("42[\"offer\",{\"peerId\":\"" + receiverId + "\",\"offer\":" + sdp + "}]");
        assertEquals(
                "42[\"offer\",{\"offer\":" + sdp + ",\"from\":\"" + senderId + "\",\"peerId\":\"" + senderId + "\"}]",
                nextEvent(receiver, "offer"));
        String answer = "{\"type\":\"answer\",\"sdp\":\"v=0\\r\\na=y\"}";
        receiver.send("42[\"answer\",{\"peerId\":\"" + senderId + "\",\"answer\":" + answer + "}]");
        assertTrue(nextEvent(sender, "answer").contains("\"from\":\"" + receiverId + "\""));
        receiver.send("42[\"ice-candidate\",{\"peerId\":\"" + senderId + "\",\"candidate\":{\"candidate\":\"c\"}}]");
        assertTrue(nextEvent(sender, "ice-candidate").contains("{\"candidate\":\"c\"}"));
        return receiverId;
    }

    private static String newRoom(TestServer server) {
        return (String) JsonTree.object(server.get("/api/get_room").body()).get("roomId");
    }

    private static WsClient raw(int port) {
        WsClient ws = WsClient.connect(URI.create("ws://127.0.0.1:" + port + "/socket.io/?EIO=4&transport=websocket"));
        assertTrue(ws.next().startsWith("0{"));
        return ws;
    }

    private static String connect(WsClient ws) {
        ws.send("40");
        String answer = ws.nextEngineIo();
        return (String) JsonTree.object(answer.substring(2)).get("sid");
    }

    private static String nextEvent(WsClient ws, String eventPrefix) {
        while (true) {
            String message = ws.nextEngineIo();
            if (message.startsWith("42[\"" + eventPrefix)) {
                return message;
            }
        }
    }

    private static TestServer node(String store) {
        return TestServer.startApp(
                "privydrop", b -> b.store(store).nodeHeartbeat(HEARTBEAT).joinRateLimit(false));
    }

    private static String store(String url) {
        return url + "?prefix=t" + UUID.randomUUID().toString().substring(0, 8) + ":";
    }
}
