package io.switchboard.protocol.privydrop;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.message.AnnounceKind;
import io.switchboard.core.message.Command;
import io.switchboard.core.message.RawJson;
import io.switchboard.core.message.SignalKind;
import io.switchboard.protocol.Decoded;
import io.switchboard.protocol.json.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PrivyDropDialectDecodeTest {
    private static final PrivyDropDialect DIALECT = new PrivyDropDialect();
    private static final String SDP_OFFER = "{\"type\":\"offer\",\"sdp\":\"v=0\\r\\no=- 46117 2 IN IP4 127.0.0.1"
            + "\\r\\ns=-\\r\\nt=0 0\\r\\na=group:BUNDLE 0\\r\\n\"}";
    private static final String SDP_ANSWER = "{\"type\":\"answer\",\"sdp\":\"v=0\\r\\no=- 1 2 IN IP4 0.0.0.0\\r\\n\"}";
    private static final String CANDIDATE = "{\"candidate\":\"candidate:842163049 1 udp 1677729535 203.0.113.7 46154"
            + " typ srflx raddr 0.0.0.0 rport 0 generation 0\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0,"
            + "\"usernameFragment\":null}";
    /** Bytes around an embedded frame that would change the result if the decoder read outside its slice. */
    private static final String BEFORE = "]}\"x[\"join\",{\"roomId\":\"evil\"}] ";

    private static final String AFTER = "]]}\"\\ [\"offer\"]";

    // --- helpers -------------------------------------------------------------------------------------------------

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.write(part, 0, part.length);
        }
        return out.toByteArray();
    }

    private static Decoded decode(byte[] frame) {
        return DIALECT.decode(frame, 0, frame.length);
    }

    private static Decoded decode(String json) {
        return decode(utf8(json));
    }

    private static Command assertOk(Decoded decoded) {
        return assertInstanceOf(Decoded.Ok.class, decoded, () -> "decoded: " + decoded)
                .command();
    }

    private static void assertInvalid(ErrorCode expected, Decoded decoded) {
        Decoded.Invalid invalid = assertInstanceOf(Decoded.Invalid.class, decoded, () -> "decoded: " + decoded);
        assertEquals(expected, invalid.code(), () -> "detail: " + invalid.detail());
    }

    private static Command.SignalPeer assertSignal(Decoded decoded) {
        return assertInstanceOf(Command.SignalPeer.class, assertOk(decoded));
    }

    /** Compares text and length explicitly: {@link RawJson#equals} alone does not pin the slice. */
    private static void assertRaw(String expected, RawJson raw) {
        assertEquals(expected, raw.toString());
        assertEquals(utf8(expected).length, raw.length(), "slice length");
    }

    private static String offer(String value) {
        return "[\"offer\",{\"peerId\":\"targetSid\",\"offer\":" + value + ",\"from\":\"me\",\"roomId\":\"1234\"}]";
    }

    // --- every client event of §2.5 ------------------------------------------------------------------------------

    @Test
    void joinDecodesToJoinRoom() {
        assertEquals(new Command.JoinRoom("1234"), assertOk(decode("[\"join\",{\"roomId\":\"1234\"}]")));
    }

    @Test
    void joinKeepsTheRoomIdAsSentForTheServiceToValidate() {
        assertEquals(new Command.JoinRoom(" a b "), assertOk(decode("[\"join\",{\"roomId\":\" a b \"}]")));
        assertEquals(
                new Command.JoinRoom("r\u00e9\"\\"), assertOk(decode("[\"join\",{\"roomId\":\"r\\u00e9\\\"\\\\\"}]")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[\"join\"]",
                "[\"join\",null]",
                "[\"join\",{}]",
                "[\"join\",{\"roomId\":7}]",
                "[\"join\",{\"roomId\":null}]",
                "[\"join\",{\"roomId\":[\"1234\"]}]",
                "[\"join\",{\"roomId\":{\"roomId\":\"1234\"}}]",
                "[\"join\",\"1234\"]",
                "[\"join\",[\"1234\"]]",
                "[\"join\",{\"x\":{\"roomId\":\"1234\"}}]"
            })
    void joinWithoutAStringRoomIdDecodesToAnEmptyRoomIdSoThatTheServiceAnswersIt(String frame) {
        assertEquals(new Command.JoinRoom(""), assertOk(decode(frame)));
    }

    @Test
    void offerDecodesToSignalPeerWithTheRawOfferAndIgnoresClientFromAndRoomId() {
        Command.SignalPeer signal = assertSignal(decode(offer(SDP_OFFER)));

        assertEquals(SignalKind.OFFER, signal.kind());
        assertEquals("targetSid", signal.target());
        assertRaw(SDP_OFFER, signal.payload());
    }

    @Test
    void answerDecodesToSignalPeerWithTheRawAnswer() {
        Command.SignalPeer signal =
                assertSignal(decode("[\"answer\",{\"peerId\":\"p1\",\"answer\":" + SDP_ANSWER + ",\"from\":\"x\"}]"));

        assertEquals(new Command.SignalPeer(SignalKind.ANSWER, "p1", RawJson.of(SDP_ANSWER)), signal);
        assertRaw(SDP_ANSWER, signal.payload());
    }

    @Test
    void iceCandidateDecodesToSignalPeerWithTheRawCandidate() {
        Command.SignalPeer signal = assertSignal(
                decode("[\"ice-candidate\",{\"peerId\":\"p2\",\"candidate\":" + CANDIDATE + ",\"from\":\"x\"}]"));

        assertEquals(new Command.SignalPeer(SignalKind.ICE_CANDIDATE, "p2", RawJson.of(CANDIDATE)), signal);
        assertRaw(CANDIDATE, signal.payload());
    }

    @Test
    void signalValueMayComeBeforeThePeerId() {
        Command.SignalPeer signal = assertSignal(decode("[\"offer\",{\"offer\":" + SDP_OFFER + ",\"peerId\":\"t\"}]"));
        assertEquals("t", signal.target());
        assertRaw(SDP_OFFER, signal.payload());
    }

    @Test
    void onlyTheEventsOwnKeyIsRelayed() {
        // An "offer" event relays its "offer", never an "answer" or "candidate" it also carries.
        Command.SignalPeer signal =
                assertSignal(decode("[\"offer\",{\"answer\":1,\"candidate\":2,\"peerId\":\"t\",\"offer\":3}]"));
        assertRaw("3", signal.payload());
        assertInvalid(ErrorCode.BAD_PAYLOAD, decode("[\"answer\",{\"peerId\":\"t\",\"offer\":{}}]"));
        assertInvalid(ErrorCode.BAD_PAYLOAD, decode("[\"ice-candidate\",{\"peerId\":\"t\",\"ice-candidate\":{}}]"));
    }

    @Test
    void initiatorOnlineDecodesToAnnounce() {
        assertEquals(
                new Command.Announce(AnnounceKind.INITIATOR_ONLINE, "1234"),
                assertOk(decode("[\"initiator-online\",{\"roomId\":\"1234\"}]")));
    }

    @Test
    void recipientReadyDecodesToAnnounceAndIgnoresTheClientPeerId() {
        assertEquals(
                new Command.Announce(AnnounceKind.RECIPIENT_READY, "1234"),
                assertOk(decode("[\"recipient-ready\",{\"roomId\":\"1234\",\"peerId\":\"forged\"}]")));
    }

    @Test
    void extraArgumentsAfterThePayloadAreIgnored() {
        assertEquals(
                new Command.JoinRoom("1234"),
                assertOk(decode("[\"join\",{\"roomId\":\"1234\"},{\"roomId\":\"other\"},[1,{}],\"x\",null]")));
        assertRaw(
                "{}",
                assertSignal(decode("[\"offer\",{\"peerId\":\"t\",\"offer\":{}},{\"offer\":1}]"))
                        .payload());
    }

    @Test
    void duplicateKeysLastOneWins() {
        assertEquals(
                new Command.JoinRoom("second"),
                assertOk(decode("[\"join\",{\"roomId\":\"first\",\"roomId\":\"second\"}]")));
        assertEquals(new Command.JoinRoom(""), assertOk(decode("[\"join\",{\"roomId\":\"first\",\"roomId\":5}]")));
        Command.SignalPeer signal = assertSignal(
                decode("[\"offer\",{\"peerId\":\"a\",\"offer\":[1],\"peerId\":\"b\",\"offer\":{\"x\":2}}]"));
        assertEquals("b", signal.target());
        assertRaw("{\"x\":2}", signal.payload());
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "\n", "\r\n", "\t", " \t\r\n "})
    void whitespaceAroundAndInsideTheArrayIsAccepted(String space) {
        String frame = space + "[" + space + "\"join\"" + space + "," + space + "{" + space + "\"roomId\"" + space + ":"
                + space + "\"1\"" + space + "}" + space + "]" + space;
        assertEquals(new Command.JoinRoom("1"), assertOk(decode(frame)));
    }

    // --- raw payloads byte-exact ---------------------------------------------------------------------------------

    static Stream<String> payloadValues() {
        return Stream.of(
                "{}",
                "[]",
                "\"\"",
                SDP_OFFER,
                CANDIDATE,
                "[1,2.5,-3e+7,{\"a\":[]},\"x\",null]",
                "\"esc \\\" \\\\ \\/ \\b\\f\\n\\r\\t \\u0000 \\u00e9 \\ud83d\\ude00 \\uD83D\"",
                "\"raw é € 😀 \u2028\"",
                "{\"ключ\":\"значение\",\"😀\":[\"😀\"]}",
                "0",
                "-17",
                "1e99999",
                "true",
                "false",
                "null",
                "{\"a\":".repeat(30) + "[1,\"x\",{\"b\":null},true]" + "}".repeat(30),
                "{ \"a\" : [ 1 , 2 ] ,\n\t\"b\" : { } }");
    }

    @ParameterizedTest
    @MethodSource("payloadValues")
    void relayedValueIsTheExactSubstringSent(String value) {
        assertRaw(value, assertSignal(decode(offer(value))).payload());
        assertRaw(
                value,
                assertSignal(decode("[\"offer\",{\"peerId\":\"t\",\"offer\" : \n " + value + " \t}]"))
                        .payload());
    }

    @ParameterizedTest
    @MethodSource("payloadValues")
    void relayedValueAtAnOffsetIsASliceOfTheFrameNotACopy(String value) {
        String prefix = "[\"ice-candidate\",{\"peerId\":\"t\",\"candidate\": ";
        byte[] before = utf8(BEFORE);
        byte[] body = utf8(prefix + value + "}]");
        byte[] frame = concat(before, body, utf8(AFTER));

        RawJson raw =
                assertSignal(DIALECT.decode(frame, before.length, body.length)).payload();

        assertRaw(value, raw);
        assertSame(frame, raw.array());
        assertEquals(before.length + utf8(prefix).length, raw.offset());
    }

    @Test
    void everyEventDecodesTheSameAtAnOffset() {
        for (String message : validFrames()) {
            byte[] before = utf8(BEFORE);
            byte[] body = utf8(message);
            byte[] frame = concat(before, body, utf8(AFTER));
            assertEquals(
                    String.valueOf(decode(body)),
                    String.valueOf(DIALECT.decode(frame, before.length, body.length)),
                    message);
        }
    }

    @Test
    void relayedValueNestedToTheLimitIsAccepted() {
        // The array and the payload object are two levels, so the value may add MAX_NESTING_DEPTH - 2 more.
        String value = "[".repeat(Json.MAX_NESTING_DEPTH - 2) + "]".repeat(Json.MAX_NESTING_DEPTH - 2);
        assertRaw(value, assertSignal(decode(offer(value))).payload());
        String tooDeep = "[".repeat(Json.MAX_NESTING_DEPTH - 1) + "]".repeat(Json.MAX_NESTING_DEPTH - 1);
        assertInvalid(ErrorCode.BAD_MESSAGE, decode(offer(tooDeep)));
    }

    @Test
    void oneMebibyteOfferIsKeptWhole() {
        String value = "{\"sdp\":\"" + "a".repeat(1 << 20) + "\"}";
        assertRaw(value, assertSignal(decode(offer(value))).payload());
    }

    // --- names that are not PrivyDrop commands -------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener"})
    void reservedSocketIoNamesAreIgnoredWhateverTheirPayload(String name) {
        assertSame(Decoded.IGNORED, decode("[\"" + name + "\"]"));
        assertSame(Decoded.IGNORED, decode("[\"" + name + "\",{\"roomId\":\"1234\"}]"));
        assertSame(Decoded.IGNORED, decode("[\"" + name + "\",null,1]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"error", "ready", "joinResponse", "peer-disconnected", "Join", "join ", "", "send-message"})
    void unknownEventsAreIgnored(String name) {
        assertSame(Decoded.IGNORED, decode("[\"" + name + "\",{\"roomId\":\"1234\",\"peerId\":\"p\",\"offer\":1}]"));
        assertSame(Decoded.IGNORED, decode("[\"" + name + "\"]"));
    }

    @Test
    void ignoredEventsMustStillBeWellFormed() {
        assertInvalid(ErrorCode.BAD_MESSAGE, decode("[\"disconnect\",{]"));
        assertInvalid(ErrorCode.BAD_MESSAGE, decode("[\"whatever\",1"));
        assertInvalid(ErrorCode.BAD_MESSAGE, decode("[\"whatever\"] x"));
    }

    // --- hostile input -------------------------------------------------------------------------------------------

    static Stream<Arguments> hostileFrames() {
        return Stream.of(
                Arguments.of("not JSON", "hello", ErrorCode.BAD_MESSAGE),
                Arguments.of("empty", "", ErrorCode.BAD_MESSAGE),
                Arguments.of("whitespace", " \r\n\t ", ErrorCode.BAD_MESSAGE),
                Arguments.of("null", "null", ErrorCode.BAD_MESSAGE),
                Arguments.of("object", "{}", ErrorCode.BAD_MESSAGE),
                Arguments.of("object with event", "{\"0\":\"join\",\"1\":{\"roomId\":\"1\"}}", ErrorCode.BAD_MESSAGE),
                Arguments.of("empty array", "[]", ErrorCode.BAD_MESSAGE),
                Arguments.of("number name", "[1]", ErrorCode.BAD_MESSAGE),
                Arguments.of("null name", "[null,{}]", ErrorCode.BAD_MESSAGE),
                Arguments.of("array name", "[[\"join\"],{}]", ErrorCode.BAD_MESSAGE),
                Arguments.of("object name", "[{\"join\":1}]", ErrorCode.BAD_MESSAGE),
                Arguments.of("string", "\"join\"", ErrorCode.BAD_MESSAGE),
                Arguments.of("two arrays", "[\"join\",{\"roomId\":\"1\"}][\"join\"]", ErrorCode.BAD_MESSAGE),
                Arguments.of("trailing comma", "[\"join\",{\"roomId\":\"1\"},]", ErrorCode.BAD_MESSAGE),
                Arguments.of("single quotes", "['join',{'roomId':'1'}]", ErrorCode.BAD_MESSAGE),
                Arguments.of("comment", "[\"join\"/*x*/,{}]", ErrorCode.BAD_MESSAGE),
                Arguments.of("NaN value", offer("NaN"), ErrorCode.BAD_MESSAGE),
                Arguments.of("control char", offer("\"a\u0001b\""), ErrorCode.BAD_MESSAGE),
                Arguments.of("bad escape", offer("\"\\x41\""), ErrorCode.BAD_MESSAGE),
                Arguments.of("offer without payload", "[\"offer\"]", ErrorCode.BAD_PAYLOAD),
                Arguments.of("offer with null", "[\"offer\",null]", ErrorCode.BAD_PAYLOAD),
                Arguments.of("offer with string", "[\"offer\",\"sdp\"]", ErrorCode.BAD_PAYLOAD),
                Arguments.of(
                        "offer with array", "[\"offer\",[{\"peerId\":\"t\",\"offer\":{}}]]", ErrorCode.BAD_PAYLOAD),
                Arguments.of("offer empty", "[\"offer\",{}]", ErrorCode.BAD_PAYLOAD),
                Arguments.of("offer number peer", "[\"offer\",{\"peerId\":5}]", ErrorCode.BAD_PAYLOAD),
                Arguments.of(
                        "offer number peer, value", "[\"offer\",{\"peerId\":5,\"offer\":{}}]", ErrorCode.BAD_PAYLOAD),
                Arguments.of("offer no value", "[\"offer\",{\"peerId\":\"t\"}]", ErrorCode.BAD_PAYLOAD),
                Arguments.of("answer no peer", "[\"answer\",{\"answer\":{}}]", ErrorCode.BAD_PAYLOAD),
                Arguments.of(
                        "candidate null peer",
                        "[\"ice-candidate\",{\"peerId\":null,\"candidate\":{}}]",
                        ErrorCode.BAD_PAYLOAD),
                Arguments.of("initiator-online bare", "[\"initiator-online\"]", ErrorCode.BAD_PAYLOAD),
                Arguments.of("initiator-online null", "[\"initiator-online\",null]", ErrorCode.BAD_PAYLOAD),
                Arguments.of("initiator-online {}", "[\"initiator-online\",{}]", ErrorCode.BAD_PAYLOAD),
                Arguments.of("recipient-ready number", "[\"recipient-ready\",{\"roomId\":1}]", ErrorCode.BAD_PAYLOAD),
                Arguments.of(
                        "recipient-ready peer only",
                        "[\"recipient-ready\",{\"peerId\":\"p\"}]",
                        ErrorCode.BAD_PAYLOAD));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileFrames")
    void hostileFramesAreInvalidWithTheRightCode(String label, String frame, ErrorCode expected) {
        assertInvalid(expected, assertDoesNotThrow(() -> decode(frame)));
    }

    static Stream<Arguments> otherEncodings() {
        String join = "[\"join\",{\"roomId\":\"1234\"}]";
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        return Stream.of(
                Arguments.of("UTF-16BE", join.getBytes(StandardCharsets.UTF_16BE)),
                Arguments.of("UTF-16LE", join.getBytes(StandardCharsets.UTF_16LE)),
                Arguments.of("UTF-16 with BOM", join.getBytes(StandardCharsets.UTF_16)),
                Arguments.of("UTF-32BE", join.getBytes(Charset.forName("UTF-32BE"))),
                Arguments.of("UTF-8 BOM", concat(bom, utf8(join))));
    }

    /** jackson sniffs the encoding of a byte array; only plain UTF-8 may get through, at any offset. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("otherEncodings")
    void framesThatAreNotPlainUtf8AreBadMessage(String label, byte[] frame) {
        assertInvalid(ErrorCode.BAD_MESSAGE, decode(frame));
        byte[] before = utf8(BEFORE);
        byte[] embedded = concat(before, frame, utf8(AFTER));
        assertInvalid(ErrorCode.BAD_MESSAGE, DIALECT.decode(embedded, before.length, frame.length));
    }

    @Test
    void decodeReadsOnlyTheGivenLength() {
        byte[] frame = utf8("[\"join\",{\"roomId\":\"1234\"}]");
        byte[] withTail = utf8("[\"join\",{\"roomId\":\"1234\"}]garbage");
        assertEquals(new Command.JoinRoom("1234"), assertOk(DIALECT.decode(withTail, 0, frame.length)));
    }

    // --- fuzz-ish: truncations and mutations never throw ---------------------------------------------------------

    static List<String> validFrames() {
        return List.of(
                "[\"join\",{\"roomId\":\"1234\"}]",
                "[\"join\",{\"roomId\":\"long-room-3f2a1b9c0d4e\",\"extra\":[1,{\"a\":null}]}]",
                offer(SDP_OFFER),
                "[\"answer\",{\"peerId\":\"xgACY6QcQCojsOQaAAAB\",\"answer\":" + SDP_ANSWER + ",\"from\":\"y\"}]",
                "[\"ice-candidate\",{\"peerId\":\"xgACY6QcQCojsOQaAAAB\",\"candidate\":" + CANDIDATE + "}]",
                "[\"initiator-online\",{\"roomId\":\"1234\"}]",
                "[\"recipient-ready\",{\"roomId\":\"1234\",\"peerId\":\"xgACY6QcQCojsOQaAAAB\"}]",
                " [ \"offer\" , { \"peerId\" : \"t\" , \"offer\" : { \"a\" : [ 1 , 2 ] } } ] ",
                "[\"offer\",{\"peerId\":\"t\",\"offer\":\"esc \\\" \\\\ \\n \\u00e9 é 😀\"}]",
                "[\"join\",{\"roomId\":\"名前 ☃\"},{\"more\":[true,false,-1.5e-3]}]");
    }

    @Test
    void fuzzCorpusIsTenValidFrames() {
        assertEquals(10, validFrames().size());
        for (String frame : validFrames()) {
            assertOk(decode(frame));
        }
    }

    @Test
    void everyTruncationOfAValidFrameIsBadMessage() {
        for (String message : validFrames()) {
            byte[] frame = utf8(message.strip());
            for (int length = 0; length < frame.length; length++) {
                int n = length;
                Decoded decoded =
                        assertDoesNotThrow(() -> DIALECT.decode(frame, 0, n), () -> "prefix " + n + " of " + message);
                assertInvalid(ErrorCode.BAD_MESSAGE, decoded);
                assertInvalid(ErrorCode.BAD_MESSAGE, decode(Arrays.copyOf(frame, n)));
            }
        }
    }

    @Test
    void randomByteMutationsNeverThrowAndNeverEscapeTheSlice() {
        Random random = new Random(0x9_21D_D509L);
        byte[] structural = utf8("{}[]\":,\\ 0-etnu");
        byte[] special = {0x00, 0x1F, 0x7F, (byte) 0x80, (byte) 0xBF, (byte) 0xC0, (byte) 0xED, (byte) 0xF8, (byte) 0xFF
        };
        for (String message : validFrames()) {
            byte[] original = utf8(message);
            for (int round = 0; round < 1000; round++) {
                byte[] frame = original.clone();
                int mutations = 1 + random.nextInt(4);
                for (int m = 0; m < mutations; m++) {
                    int at = random.nextInt(frame.length);
                    int pick = random.nextInt(3);
                    frame[at] = pick == 0
                            ? (byte) random.nextInt(256)
                            : pick == 1
                                    ? structural[random.nextInt(structural.length)]
                                    : special[random.nextInt(special.length)];
                }
                int pad = random.nextInt(8);
                byte[] embedded = new byte[frame.length + 2 * pad];
                random.nextBytes(embedded);
                System.arraycopy(frame, 0, embedded, pad, frame.length);
                String what = message + " round " + round;

                Decoded plain = assertDoesNotThrow(() -> decode(frame), what);
                Decoded atOffset = assertDoesNotThrow(() -> DIALECT.decode(embedded, pad, frame.length), what);

                assertNotNull(plain, what);
                assertEquals(String.valueOf(plain), String.valueOf(atOffset), what);
                if (atOffset instanceof Decoded.Ok ok && ok.command() instanceof Command.SignalPeer signal) {
                    RawJson raw = signal.payload();
                    assertSame(embedded, raw.array(), what);
                    assertTrue(raw.offset() >= pad && raw.offset() + raw.length() <= pad + frame.length, what);
                }
            }
        }
    }
}
