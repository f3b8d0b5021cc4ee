package io.switchboard.protocol.dropsilk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.id.NodeId;
import io.switchboard.core.id.SessionId;
import io.switchboard.core.message.Command;
import io.switchboard.core.message.Event;
import io.switchboard.core.message.Member;
import io.switchboard.core.message.PeerSummary;
import io.switchboard.core.message.RawJson;
import io.switchboard.core.network.ClientAddress;
import io.switchboard.core.network.ConnectionType;
import io.switchboard.protocol.ByteArraySink;
import io.switchboard.protocol.Decoded;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class DropSilkEncoderTest {
    private static final DropSilkDialect DIALECT = new DropSilkDialect();
    /** A default jackson factory, independent of the dialect's limits, standing in for the browser's parser. */
    private static final JsonFactory PLAIN = new JsonFactory();

    private static final Map<ErrorCode, String> ERROR_TEXT = errorTexts();

    private static Map<ErrorCode, String> errorTexts() {
        Map<ErrorCode, String> map = new EnumMap<>(ErrorCode.class);
        // PROTOCOLS.md §1.5, classic and HEAD strings
        map.put(ErrorCode.BAD_MESSAGE, "Invalid message format");
        map.put(ErrorCode.BAD_PAYLOAD, "Invalid message payload");
        map.put(ErrorCode.UNKNOWN_TYPE, "Unknown message type");
        map.put(ErrorCode.MESSAGE_TOO_BIG, "Message too large");
        map.put(ErrorCode.INVALID_NAME, "Invalid name");
        map.put(ErrorCode.INVALID_ROOM_ID, "Invalid flight code");
        map.put(ErrorCode.ALREADY_IN_ROOM, "Already in a flight");
        map.put(ErrorCode.ROOM_NOT_FOUND, "Flight not found or full");
        map.put(ErrorCode.ROOM_FULL, "Flight not found or full");
        map.put(ErrorCode.ROOM_OWNER_GONE, "Flight creator disconnected");
        map.put(ErrorCode.INTERNAL, "Server error processing your request");
        // Switchboard's own texts, for codes the original never sent
        map.put(ErrorCode.NOT_A_MEMBER, "You are not a member of that flight");
        map.put(ErrorCode.PEER_NOT_FOUND, "Invitee not found on your network");
        map.put(ErrorCode.RATE_LIMITED, "Rate limit exceeded");
        map.put(ErrorCode.SLOW_CONSUMER, "Too many undelivered messages");
        map.put(ErrorCode.SHUTTING_DOWN, "Server is shutting down");
        map.put(ErrorCode.UNAVAILABLE, "Service temporarily unavailable");
        return map;
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static byte[] encode(Event event) {
        ByteArraySink sink = new ByteArraySink(1);
        DIALECT.encode(event, sink);
        return sink.toByteArray();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void assertFrame(String expected, Event event) {
        byte[] frame = encode(event);
        assertEquals(expected, new String(frame, StandardCharsets.UTF_8));
        assertArrayEquals(utf8(expected), frame);
        parse(frame);
    }

    private static SessionId id(String value) {
        return new SessionId(value);
    }

    private static Member member(String id, String name) {
        return new Member(id(id), new NodeId("node-1"), name, ClientAddress.parse("192.168.1.20"));
    }

    private static PeerSummary peer(String id, String name) {
        return new PeerSummary(id(id), name);
    }

    /** Parses a frame strictly (valid UTF-8, one JSON value, nothing after it) into maps, lists and scalars. */
    private static Object parse(byte[] frame) {
        assertValidUtf8(frame);
        try (JsonParser parser = PLAIN.createParser(frame)) {
            assertEquals(JsonToken.START_OBJECT, parser.nextToken());
            Object value = read(parser);
            assertNull(parser.nextToken(), "nothing after the object");
            return value;
        } catch (IOException e) {
            throw new AssertionError("not valid JSON: " + new String(frame, StandardCharsets.UTF_8), e);
        }
    }

    private static Object read(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, Object> map = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                assertFalse(map.containsKey(name), () -> "duplicate key " + name);
                map.put(name, read(parser));
            }
            return map;
        }
        if (token == JsonToken.START_ARRAY) {
            List<Object> list = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                list.add(read(parser));
            }
            return list;
        }
        if (token == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            return parser.getNumberValue();
        }
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
            return parser.getBooleanValue();
        }
        if (token == JsonToken.VALUE_NULL) {
            return "<null>";
        }
        throw new AssertionError("unexpected token " + token);
    }

    private static void assertValidUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw new AssertionError("not valid UTF-8", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        if (!(value instanceof Map)) {
            fail("not an object: " + value);
        }
        return (Map<String, Object>) value;
    }

    // --- golden frames -------------------------------------------------------------------------------------------

    @Test
    void registeredCarriesTheSessionId() {
        assertFrame("{\"type\":\"registered\",\"id\":\"abc\"}", new Event.Registered(id("abc")));
    }

    @Test
    void networkPeersListsIdAndNameOfEachPeer() {
        assertFrame(
                "{\"type\":\"users-on-network-update\",\"users\":[{\"id\":\"a\",\"name\":\"A\"}]}",
                new Event.NetworkPeers(List.of(peer("a", "A")), null, 10));
        assertFrame(
                "{\"type\":\"users-on-network-update\",\"users\":[{\"id\":\"a\",\"name\":\"A\"},"
                        + "{\"id\":\"b\",\"name\":\"B\"},{\"id\":\"c\",\"name\":\"C\"}]}",
                new Event.NetworkPeers(List.of(peer("a", "A"), peer("b", "B"), peer("c", "C")), null, 10));
    }

    @Test
    void networkPeersLeavesOutTheExcludedRecipient() {
        List<PeerSummary> peers = List.of(peer("a", "A"), peer("b", "B"), peer("c", "C"));
        assertFrame(
                "{\"type\":\"users-on-network-update\",\"users\":[{\"id\":\"a\",\"name\":\"A\"},"
                        + "{\"id\":\"c\",\"name\":\"C\"}]}",
                new Event.NetworkPeers(peers, id("b"), 10));
        assertFrame(
                "{\"type\":\"users-on-network-update\",\"users\":[{\"id\":\"b\",\"name\":\"B\"},"
                        + "{\"id\":\"c\",\"name\":\"C\"}]}",
                new Event.NetworkPeers(peers, id("a"), 10));
        assertFrame(
                "{\"type\":\"users-on-network-update\",\"users\":[]}",
                new Event.NetworkPeers(List.of(peer("a", "A")), id("a"), 10));
        assertFrame(
                "{\"type\":\"users-on-network-update\",\"users\":[{\"id\":\"a\",\"name\":\"A\"},"
                        + "{\"id\":\"b\",\"name\":\"B\"},{\"id\":\"c\",\"name\":\"C\"}]}",
                new Event.NetworkPeers(peers, id("zzz"), 10));
    }

    @Test
    void networkPeersWritesAtMostLimitEntriesNotCountingTheExcludedOne() {
        List<PeerSummary> peers = List.of(peer("a", "A"), peer("b", "B"), peer("c", "C"), peer("d", "D"));
        assertFrame(
                "{\"type\":\"users-on-network-update\",\"users\":[{\"id\":\"a\",\"name\":\"A\"},"
                        + "{\"id\":\"b\",\"name\":\"B\"}]}",
                new Event.NetworkPeers(peers, null, 2));
        assertFrame(
                "{\"type\":\"users-on-network-update\",\"users\":[{\"id\":\"b\",\"name\":\"B\"},"
                        + "{\"id\":\"c\",\"name\":\"C\"}]}",
                new Event.NetworkPeers(peers, id("a"), 2));
        assertFrame(
                "{\"type\":\"users-on-network-update\",\"users\":[{\"id\":\"a\",\"name\":\"A\"}]}",
                new Event.NetworkPeers(peers, id("d"), 1));
        assertFrame("{\"type\":\"users-on-network-update\",\"users\":[]}", new Event.NetworkPeers(peers, null, 0));
    }

    @Test
    void networkPeersNoneIsAnEmptyList() {
        assertFrame("{\"type\":\"users-on-network-update\",\"users\":[]}", Event.NetworkPeers.NONE);
        assertFrame("{\"type\":\"users-on-network-update\",\"users\":[]}", new Event.NetworkPeers(List.of(), null, 50));
    }

    @Test
    void networkPeersOfAThousandIsOneValidFrame() {
        List<PeerSummary> peers = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            peers.add(peer("p" + i, "Name \"" + i + "\""));
        }
        Map<String, Object> frame = object(parse(encode(new Event.NetworkPeers(peers, id("p500"), 2000))));
        List<?> users = (List<?>) frame.get("users");
        assertEquals(999, users.size());
        assertEquals(Map.of("id", "p501", "name", "Name \"501\""), users.get(500));
    }

    @Test
    void flightCreatedCarriesTheCode() {
        assertFrame("{\"type\":\"flight-created\",\"flightCode\":\"ABC234\"}", new Event.RoomCreated("ABC234"));
    }

    @Test
    void peerJoinedOnLanCarriesCodePeerAndLan() {
        assertFrame(
                "{\"type\":\"peer-joined\",\"flightCode\":\"ABC234\",\"peer\":{\"id\":\"x\",\"name\":\"X\"},"
                        + "\"connectionType\":\"lan\"}",
                new Event.PeerJoined("ABC234", member("x", "X"), ConnectionType.LAN));
    }

    @Test
    void peerJoinedOnWanCarriesCodePeerAndWan() {
        assertFrame(
                "{\"type\":\"peer-joined\",\"flightCode\":\"ABC234\",\"peer\":{\"id\":\"x\",\"name\":\"X\"},"
                        + "\"connectionType\":\"wan\"}",
                new Event.PeerJoined("ABC234", member("x", "X"), ConnectionType.WAN));
    }

    @Test
    void peerJoinedDoesNotLeakTheNodeOrAddress() {
        String frame = new String(
                encode(new Event.PeerJoined("ABC234", member("x", "X"), ConnectionType.LAN)), StandardCharsets.UTF_8);
        assertFalse(frame.contains("node-1"), frame);
        assertFalse(frame.contains("192.168"), frame);
    }

    @Test
    void flightInvitationCarriesCodeAndInviterName() {
        assertFrame(
                "{\"type\":\"flight-invitation\",\"flightCode\":\"ABC234\",\"fromName\":\"Bob\"}",
                new Event.Invited("ABC234", "Bob"));
    }

    @Test
    void namesAreEscapedInTheGoldenFrames() {
        assertFrame(
                "{\"type\":\"flight-invitation\",\"flightCode\":\"ABC234\",\"fromName\":\"B\\\"o\\\\b\\n\\u0001😀\"}",
                new Event.Invited("ABC234", "B\"o\\b\n\u0001😀"));
        assertFrame(
                "{\"type\":\"users-on-network-update\",\"users\":[{\"id\":\"a\\\"\",\"name\":\"\\ud83d\"}]}",
                new Event.NetworkPeers(List.of(peer("a\"", "\ud83d")), null, 1));
    }

    @Test
    void signalSplicesTheRawDataByteForByte() {
        String data = "{ \"sdp\" : {\"type\":\"offer\",\"sdp\":\"v=0\\r\\n\\u00e9 é\"} ,\"x\":[1 , 2.50e+3] }";
        assertFrame("{\"type\":\"signal\",\"data\":" + data + "}", new Event.SignalRelayed(id("a"), RawJson.of(data)));
    }

    @Test
    void signalSplicesOnlyTheSliceOfALargerFrame() {
        byte[] frame = utf8("{\"type\":\"signal\",\"data\":[1,\"two\",{\"3\":null}]}");
        int start = "{\"type\":\"signal\",\"data\":".length();
        RawJson raw = RawJson.wrap(frame, start, frame.length - start - 1);
        assertFrame("{\"type\":\"signal\",\"data\":[1,\"two\",{\"3\":null}]}", new Event.SignalRelayed(id("a"), raw));
    }

    @Test
    void signalOfEveryScalarKind() {
        for (String data : List.of("null", "true", "false", "0", "-1.5e-7", "\"s\"", "[]", "{}")) {
            assertFrame(
                    "{\"type\":\"signal\",\"data\":" + data + "}", new Event.SignalRelayed(id("a"), RawJson.of(data)));
        }
    }

    @Test
    void decodedSignalReEncodesToTheSameData() {
        String data = "{\"candidate\":{\"candidate\":\"candidate:1 1 udp 1 10.0.0.1 5000 typ host\",\"sdpMid\":\"0\"}}";
        byte[] in = utf8("  {\"data\" : " + data + " , \"type\":\"signal\"}  ");
        Decoded.Ok ok = assertInstanceOf(Decoded.Ok.class, DIALECT.decode(in, 0, in.length));
        RawJson raw = assertInstanceOf(Command.Relay.class, ok.command()).payload();
        assertFrame("{\"type\":\"signal\",\"data\":" + data + "}", new Event.SignalRelayed(id("a"), raw));
    }

    @Test
    void peerLeftHasNoFields() {
        assertFrame("{\"type\":\"peer-left\"}", new Event.PeerLeft(id("a")));
    }

    @Test
    void shuttingDownCarriesTheMaintenanceMessage() {
        assertFrame(
                "{\"type\":\"server-shutdown\",\"message\":\"Server is shutting down for maintenance.\"}",
                new Event.ShuttingDown());
    }

    @Test
    void everyErrorCodeHasAGoldenText() {
        assertEquals(EnumSet.allOf(ErrorCode.class), ERROR_TEXT.keySet());
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void failedIsAnErrorWithTheDropSilkText(ErrorCode code) {
        String text = ERROR_TEXT.get(code);
        assertFrame("{\"type\":\"error\",\"message\":\"" + text + "\"}", new Event.Failed(code, null));
        assertEquals(text, DropSilkEncoder.message(code));
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void failedNeverShowsTheDetail(ErrorCode code) {
        byte[] frame = encode(new Event.Failed(code, "secret detail \"}"));
        assertArrayEquals(encode(new Event.Failed(code, null)), frame);
    }

    @Test
    void roomNotFoundAndRoomFullLookTheSameToTheFrontend() {
        assertArrayEquals(
                encode(new Event.Failed(ErrorCode.ROOM_NOT_FOUND, null)),
                encode(new Event.Failed(ErrorCode.ROOM_FULL, null)));
        // the classic frontend shows its "flight not found" UI on this substring
        assertTrue(new String(encode(new Event.Failed(ErrorCode.ROOM_FULL, null)), StandardCharsets.UTF_8)
                .contains("Flight not found"));
    }

    @Test
    void encodeAppendsToTheSink() {
        ByteArraySink sink = new ByteArraySink();
        DIALECT.encode(new Event.PeerLeft(id("a")), sink);
        DIALECT.encode(new Event.RoomCreated("ABC234"), sink);
        assertEquals(
                "{\"type\":\"peer-left\"}{\"type\":\"flight-created\",\"flightCode\":\"ABC234\"}", sink.toString());
    }

    // --- every frame is valid JSON, whatever the names -----------------------------------------------------------

    static Stream<String> hostileNames() {
        return Stream.of(
                "",
                "quote\"d",
                "\"",
                "back\\slash\\",
                "\\\"",
                "ctl \u0000\u0001\u0008\u000b\u000c\u001b\u001f end",
                "tab\tnl\nret\r",
                "del\u007f",
                "emoji 😀 🇺🇳 👩‍👩‍👧",
                "lone high \ud83d end",
                "lone low \ude00 end",
                "\ud83d",
                "\ude00",
                "reversed \ude00\ud83d",
                "high high low \ud83d\ud83d\ude00",
                "line sep \u2028 para sep \u2029",
                "</script><script>alert(1)</script>",
                "Ünïcödé € \u0800 \uffff",
                "{\"type\":\"error\"}",
                "\u0000".repeat(64));
    }

    @ParameterizedTest
    @MethodSource("hostileNames")
    void everyFrameWithAHostileNameIsValidJsonThatKeepsTheName(String name) {
        if (!name.isEmpty() && name.length() <= SessionId.MAX_LENGTH) {
            assertEquals(
                    name, object(parse(encode(new Event.Registered(id(name))))).get("id"));
        }
        assertEquals(name, object(parse(encode(new Event.RoomCreated(name)))).get("flightCode"));

        Map<String, Object> invited = object(parse(encode(new Event.Invited(name, name))));
        assertEquals(name, invited.get("flightCode"));
        assertEquals(name, invited.get("fromName"));

        Map<String, Object> users =
                object(parse(encode(new Event.NetworkPeers(List.of(peer("a", name), peer("b", name + "2")), null, 5))));
        assertEquals(
                List.of(Map.of("id", "a", "name", name), Map.of("id", "b", "name", name + "2")), users.get("users"));

        Map<String, Object> joined =
                object(parse(encode(new Event.PeerJoined(name, member("x", name), ConnectionType.WAN))));
        assertEquals(name, joined.get("flightCode"));
        assertEquals(Map.of("id", "x", "name", name), joined.get("peer"));
        assertEquals("wan", joined.get("connectionType"));
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void everyErrorFrameIsValidJson(ErrorCode code) {
        Map<String, Object> frame = object(parse(encode(new Event.Failed(code, "x"))));
        assertEquals(Map.of("type", "error", "message", ERROR_TEXT.get(code)), frame);
    }
}
