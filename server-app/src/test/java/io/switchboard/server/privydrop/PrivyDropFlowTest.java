package io.switchboard.server.privydrop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.core.network.Cidr;
import io.switchboard.redis.testing.Eventually;
import io.switchboard.server.testing.JsonTree;
import io.switchboard.server.testing.TestServer;
import io.switchboard.server.testing.WsClient;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The PrivyDrop sender/receiver flow of PROTOCOLS.md §2.5 with real clients over real sockets. */
class PrivyDropFlowTest {
    private static final AtomicInteger NEXT_IP = new AtomicInteger(1);
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.startApp("privydrop", b -> b.trustedProxies(List.of(Cidr.parse("127.0.0.1/32"))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theOfficialClientCompletesTheSenderReceiverFlowAndUpgrades() throws Exception {
        String room = newRoom();
        try (SocketIoTestClient sender = client();
                SocketIoTestClient receiver = client()) {
            joinSenderThenReceiver(sender, receiver, room);

            JSONObject offer = new JSONObject().put("type", "offer").put("sdp", "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n");
            sender.emit(
                    "offer",
                    new JSONObject()
                            .put("peerId", receiver.id())
                            .put("offer", offer)
                            .put("from", "spoofed")
                            .put("roomId", room));
            JSONObject gotOffer = receiver.await("offer");
            assertEquals(
                    List.of(sender.id(), sender.id()),
                    List.of(gotOffer.getString("from"), gotOffer.getString("peerId")));
            assertEquals(offer.toString(), gotOffer.getJSONObject("offer").toString());
            assertFalse(gotOffer.has("roomId"));

            receiver.emit(
                    "answer",
                    new JSONObject()
                            .put("peerId", sender.id())
                            .put(
                                    "answer",
                                    new JSONObject().put("type", "answer").put("sdp", "v=0"))
                            .put("from", receiver.id()));
            assertEquals(receiver.id(), sender.await("answer").getString("from"));

            JSONObject candidate = new JSONObject().put("candidate", "candidate:1 1 udp 1 10.0.0.1 5000 typ host");
            sender.emit(
                    "ice-candidate",
                    new JSONObject().put("peerId", receiver.id()).put("candidate", candidate));
            receiver.emit(
                    "ice-candidate", new JSONObject().put("peerId", sender.id()).put("candidate", candidate));
            assertEquals(sender.id(), receiver.await("ice-candidate").getString("from"));
            assertEquals(receiver.id(), sender.await("ice-candidate").getString("from"));

            assertEquals("polling", sender.transports().get(0), "the Java client starts with long-polling");
            Eventually.await(
                    Duration.ofSeconds(10),
                    () -> sender.transports().contains("websocket") ? null : "no upgrade yet: " + sender.transports());
            sender.emit(
                    "ice-candidate",
                    new JSONObject().put("peerId", receiver.id()).put("candidate", candidate));
            assertEquals(sender.id(), receiver.await("ice-candidate").getString("from"));

            String receiverId = receiver.id(); // the client forgets its id once it disconnects
            receiver.close();
            assertEquals(receiverId, sender.await("peer-disconnected").getString("peerId"));
        }
    }

    private static void joinSenderThenReceiver(SocketIoTestClient sender, SocketIoTestClient receiver, String room)
            throws Exception {
        sender.emit("join", new JSONObject().put("roomId", room));
        JSONObject joined = sender.await("joinResponse");
        assertTrue(joined.getBoolean("success"), joined.toString());
        assertEquals("Successfully joined room", joined.getString("message"));
        assertEquals(room, joined.getString("roomId"));
        receiver.emit("join", new JSONObject().put("roomId", room));
        assertTrue(receiver.await("joinResponse").getBoolean("success"));
        assertEquals(receiver.id(), sender.await("ready").getString("peerId"));
    }

    @Test
    void aRawDirectWebSocketClientCompletesTheFlowLikeTheBrowserFrontends() {
        String room = newRoom();
        try (WsClient sender = raw();
                WsClient receiver = raw()) {
            String senderId = connect(sender);
            String receiverId = connect(receiver);
            sender.send("42[\"join\",{\"roomId\":\"" + room + "\"}]");
            assertEquals(
                    "42[\"joinResponse\",{\"success\":true,\"message\":\"Successfully joined room\",\"roomId\":\""
                            + room + "\"}]",
                    sender.nextEngineIo());
            receiver.send("42[\"join\",{\"roomId\":\"" + room + "\"}]");
            receiver.nextEngineIo();
            assertEquals("42[\"ready\",{\"peerId\":\"" + receiverId + "\"}]", sender.nextEngineIo());
            receiver.send("42[\"initiator-online\",{\"roomId\":\"" + room + "\"}]");
            assertEquals("42[\"initiator-online\",{\"roomId\":\"" + room + "\"}]", sender.nextEngineIo());
            sender.send("42[\"recipient-ready\",{\"roomId\":\"" + room + "\",\"peerId\":\"forged\"}]");
            assertEquals("42[\"recipient-ready\",{\"peerId\":\"" + senderId + "\"}]", receiver.nextEngineIo());
            String sdp = "{\"type\":\"offer\",\"sdp\":\"v=0\\r\\na=x\"}";
            sender.send("42[\"offer\",{\"peerId\":\"" + receiverId + "\",\"offer\":" + sdp + "}]");
            assertEquals(
                    "42[\"offer\",{\"offer\":" + sdp + ",\"from\":\"" + senderId + "\",\"peerId\":\"" + senderId
                            + "\"}]",
                    receiver.nextEngineIo());
            sender.close();
            assertEquals("42[\"peer-disconnected\",{\"peerId\":\"" + senderId + "\"}]", receiver.nextEngineIo());
        }
    }

    @Test
    void aSignalToASocketInAnotherRoomIsNotDelivered() {
        String roomA = newRoom();
        String roomB = newRoom();
        try (WsClient victim = raw();
                WsClient attacker = raw();
                WsClient friend = raw()) {
            String victimId = connect(victim);
            connect(attacker);
            String friendId = connect(friend);
            victim.send("42[\"join\",{\"roomId\":\"" + roomA + "\"}]");
            victim.nextEngineIo();
            friend.send("42[\"join\",{\"roomId\":\"" + roomA + "\"}]");
            friend.nextEngineIo();
            victim.nextEngineIo(); // ready
            attacker.send("42[\"join\",{\"roomId\":\"" + roomB + "\"}]");
            attacker.nextEngineIo();
            attacker.send("42[\"offer\",{\"peerId\":\"" + victimId + "\",\"offer\":{\"sdp\":\"evil\"}}]");
            attacker.send("42[\"initiator-online\",{\"roomId\":\"" + roomA + "\"}]");
            attacker.send("42[\"offer\",{\"peerId\":\"" + roomA + "\",\"offer\":{\"sdp\":\"evil\"}}]");
            friend.send("42[\"offer\",{\"peerId\":\"" + victimId + "\",\"offer\":{\"sdp\":\"good\"}}]");
            String first = victim.nextEngineIo();
            assertTrue(first.contains("\"good\"") && first.contains(friendId), first);
        }
    }

    @Test
    void badPayloadsHurtNothing() {
        String room = newRoom();
        try (WsClient client = raw()) {
            connect(client);
            for (String bad : List.of(
                    "42[\"offer\"]",
                    "42[\"offer\",null]",
                    "42[\"answer\",{}]",
                    "42[\"ice-candidate\",{\"peerId\":5}]",
                    "42[\"initiator-online\"]",
                    "42[\"recipient-ready\",[]]",
                    "42[\"unknown-event\",{}]")) {
                client.send(bad);
            }
            client.send("42[\"join\"]");
            assertEquals(
                    "42[\"joinResponse\",{\"success\":false,\"message\":\"Invalid room ID\"}]", client.nextEngineIo());
            client.send("42[\"join\",{\"roomId\":\"" + room + "\"}]");
            assertTrue(client.nextEngineIo().contains("\"success\":true"));
        }
    }

    @Test
    void theThirdFreshJoinFromOneAddressWithinFiveSecondsIsRefusedButARejoinIsNot() {
        String ip = "203.0.113." + NEXT_IP.incrementAndGet();
        String room = newRoom();
        try (WsClient a = raw(ip);
                WsClient b = raw(ip);
                WsClient c = raw(ip)) {
            for (WsClient client : List.of(a, b)) {
                connect(client);
                client.send("42[\"join\",{\"roomId\":\"" + room + "\"}]");
                assertTrue(client.nextEngineIo().contains("\"success\":true"));
            }
            connect(c);
            c.send("42[\"join\",{\"roomId\":\"" + room + "\"}]");
            String refused = c.nextEngineIo();
            assertTrue(
                    refused.matches(
                            ".*\"message\":\"Rate limit exceeded\\. Try again in \\ds\\. Attempts left: 0\\.\".*"),
                    refused);
            a.send("42[\"join\",{\"roomId\":\"" + room + "\"}]");
            assertTrue(nextEvent(a, "joinResponse").contains("\"success\":true"), "a rejoin is exempt");
        }
    }

    @Test
    void joiningARoomThatDoesNotExistIsRefused() {
        try (WsClient client = raw()) {
            connect(client);
            client.send("42[\"join\",{\"roomId\":\"no-such-room-" + NEXT_IP.incrementAndGet() + "\"}]");
            assertTrue(client.nextEngineIo().contains("\"message\":\"Room does not exist\""));
        }
    }

    private static String newRoom() {
        return (String) JsonTree.object(server.get("/api/get_room").body()).get("roomId");
    }

    private static SocketIoTestClient client() {
        return new SocketIoTestClient(server.baseUrl(), "198.51.100." + NEXT_IP.incrementAndGet());
    }

    private static WsClient raw() {
        return raw("198.51.100." + NEXT_IP.incrementAndGet());
    }

    private static WsClient raw(String ip) {
        WsClient ws = WsClient.connect(
                URI.create("ws://127.0.0.1:" + server.port() + "/socket.io/?EIO=4&transport=websocket"),
                Map.of("X-Forwarded-For", ip));
        assertTrue(ws.next().startsWith("0{"));
        return ws;
    }

    private static String connect(WsClient ws) {
        ws.send("40");
        String answer = ws.nextEngineIo();
        return (String) JsonTree.object(answer.substring(2)).get("sid");
    }

    private static String nextEvent(WsClient ws, String event) {
        while (true) {
            String message = ws.nextEngineIo();
            if (message.startsWith("42[\"" + event + "\"")) {
                return message;
            }
        }
    }
}
