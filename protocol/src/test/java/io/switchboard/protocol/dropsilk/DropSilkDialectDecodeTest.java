package io.switchboard.protocol.dropsilk;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.message.Command;
import io.switchboard.core.message.RawJson;
import io.switchboard.protocol.Decoded;
import io.switchboard.protocol.json.Json;
import io.switchboard.protocol.json.Utf8;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DropSilkDialectDecodeTest {
    private static final DropSilkDialect DIALECT = new DropSilkDialect();
    private static final String SDP_OFFER =
            "{\"sdp\":{\"type\":\"offer\",\"sdp\":\"v=0\\r\\no=- 46117 2 IN IP4 127.0.0.1"
                    + "\\r\\ns=-\\r\\nt=0 0\\r\\na=group:BUNDLE 0\\r\\n\"}}";
    private static final String CANDIDATE = "{\"candidate\":{\"candidate\":\"candidate:842163049 1 udp 1677729535"
            + " 203.0.113.7 46154 typ srflx raddr 0.0.0.0 rport 0 generation 0\",\"sdpMid\":\"0\","
            + "\"sdpMLineIndex\":0,\"usernameFragment\":null}}";
    /** Bytes around an embedded message that would change the result if the decoder read outside its slice. */
    private static final String BEFORE = "}]\"x{\"type\":\"create-flight\"} ";

    private static final String AFTER = "}}]\"\\ {\"data\":1}";

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

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
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

    private static RawJson assertRelay(Decoded decoded) {
        return assertInstanceOf(Command.Relay.class, assertOk(decoded)).payload();
    }

    /** Compares bytes and length explicitly: {@link RawJson#equals} alone is not enough to pin the slice. */
    private static void assertRaw(String expected, RawJson raw) {
        byte[] want = utf8(expected);
        assertEquals(expected, raw.toString());
        assertEquals(want.length, raw.length(), "slice length");
        assertEquals(RawJson.of(expected), raw);
    }

    private static String signal(String data) {
        return "{\"type\":\"signal\",\"data\":" + data + "}";
    }

    private static String nested(String open, String close, int depth, String inner) {
        return open.repeat(depth) + inner + close.repeat(depth);
    }

    // --- every client message of §1.4 ---------------------------------------------------------------------------

    @Test
    void registerDetailsDecodesToRegisterAndIgnoresTheLocalIpFields() {
        Decoded decoded = decode("{\"type\":\"register-details\",\"name\":\"Alice\","
                + "\"localIpPrefix\":\"unknown\",\"localIp\":\"unknown\"}");
        assertEquals(new Command.Register("Alice"), assertOk(decoded));
    }

    @Test
    void registerDetailsKeepsTheNameAsSentForTheCoreToValidate() {
        assertEquals(
                new Command.Register("  Bob  "),
                assertOk(decode("{\"type\":\"register-details\",\"name\":\"  Bob  \"}")));
        assertEquals(new Command.Register(""), assertOk(decode("{\"type\":\"register-details\",\"name\":\"\"}")));
    }

    @Test
    void registerDetailsUnescapesTheName() {
        Decoded decoded =
                decode("{\"type\":\"register-details\",\"name\":\"B\\u00f6b \\\"\\ud83d\\ude00\\\" \\\\ é\"}");
        assertEquals(new Command.Register("Böb \"😀\" \\ é"), assertOk(decoded));
    }

    @Test
    void createFlightDecodesToCreateRoom() {
        assertEquals(new Command.CreateRoom(), assertOk(decode("{\"type\":\"create-flight\"}")));
    }

    @Test
    void createFlightIgnoresExtraFields() {
        assertEquals(
                new Command.CreateRoom(),
                assertOk(decode("{\"type\":\"create-flight\",\"flightCode\":5,\"extra\":{\"a\":[1,{}]}}")));
    }

    @Test
    void joinFlightDecodesToJoinRoomWithTheCodeAsSent() {
        assertEquals(
                new Command.JoinRoom("ABC234"),
                assertOk(decode("{\"type\":\"join-flight\",\"flightCode\":\"ABC234\"}")));
        assertEquals(
                new Command.JoinRoom("abc"), assertOk(decode("{\"type\":\"join-flight\",\"flightCode\":\"abc\"}")));
    }

    @Test
    void inviteToFlightDecodesToInvite() {
        Decoded decoded =
                decode("{\"type\":\"invite-to-flight\",\"inviteeId\":\"k3j2h1x9z\",\"flightCode\":\"ABC234\"}");
        assertEquals(new Command.Invite("k3j2h1x9z", "ABC234"), assertOk(decoded));
    }

    @Test
    void signalDecodesToRelayOfTheDataBytes() {
        assertRaw(SDP_OFFER, assertRelay(decode(signal(SDP_OFFER))));
        assertRaw(CANDIDATE, assertRelay(decode(signal(CANDIDATE))));
    }

    @Test
    void signalDataMayComeBeforeTheType() {
        assertRaw(CANDIDATE, assertRelay(decode("{\"data\":" + CANDIDATE + ",\"type\":\"signal\"}")));
    }

    @Test
    void fieldsInsideNestedObjectsAreNotTakenForEnvelopeFields() {
        assertRaw("{\"type\":\"create-flight\"}", assertRelay(decode(signal("{\"type\":\"create-flight\"}"))));
        assertInvalid(ErrorCode.BAD_MESSAGE, decode("{\"x\":{\"type\":\"create-flight\"}}"));
        assertInvalid(ErrorCode.INVALID_NAME, decode("{\"type\":\"register-details\",\"x\":{\"name\":\"Eve\"}}"));
        assertInvalid(ErrorCode.INVALID_NAME, decode("{\"type\":\"register-details\",\"x\":[\"name\",\"Eve\"]}"));
    }

    // --- data kept byte-exact ------------------------------------------------------------------------------------

    static Stream<String> dataValues() {
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
                "-0",
                "42",
                "-17",
                "3.14159",
                "1e99999",
                "-1.5E-300",
                "true",
                "false",
                "null",
                nested("{\"a\":", "}", 30, "[1,\"x\",{\"b\":null},true]"),
                nested("[", "]", 40, "{}"),
                "{ \"a\" : [ 1 , 2 ] ,\n\t\"b\" : { } }",
                "{\"sdp\":1,\"sdp\":2}");
    }

    @ParameterizedTest
    @MethodSource("dataValues")
    void signalDataIsTheExactSubstringSent(String data) {
        assertRaw(data, assertRelay(decode(signal(data))));
    }

    @ParameterizedTest
    @MethodSource("dataValues")
    void signalDataWithWhitespaceAroundIsTheValueWithoutTheWhitespace(String data) {
        String message = " \r\n{ \"type\" : \"signal\" ,\t\"data\" : \n\t " + data + " \r\n , \"more\" : 1 } \n";
        assertRaw(data, assertRelay(decode(message)));
        assertRaw(data, assertRelay(decode("{\"type\":\"signal\",\"data\":  " + data + "   }")));
    }

    @ParameterizedTest
    @MethodSource("dataValues")
    void signalDataAtAnOffsetIsASliceOfTheFrame(String data) {
        String message = "{\"type\":\"signal\",\"data\": " + data + "}";
        byte[] before = utf8(BEFORE);
        byte[] body = utf8(message);
        byte[] frame = concat(before, body, utf8(AFTER));

        RawJson raw = assertRelay(DIALECT.decode(frame, before.length, body.length));

        assertRaw(data, raw);
        assertSame(frame, raw.array(), "the payload is a slice of the frame, not a copy");
        int expectedOffset = before.length + utf8("{\"type\":\"signal\",\"data\": ").length;
        assertEquals(expectedOffset, raw.offset());
    }

    @Test
    void everyClientMessageDecodesTheSameAtAnOffset() {
        for (String message : validMessages()) {
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
    void signalDataIsNotCopiedFromTheFrame() {
        byte[] frame = utf8(signal("{\"x\":1}"));
        RawJson raw = assertRelay(decode(frame));
        assertSame(frame, raw.array());
        assertEquals(utf8("{\"type\":\"signal\",\"data\":").length, raw.offset());
    }

    // --- hostile input -------------------------------------------------------------------------------------------

    static Stream<Arguments> hostileFrames() {
        return Stream.of(
                        notAnObject(),
                        truncated(),
                        trailingGarbage(),
                        badType(),
                        badRegister(),
                        badJoin(),
                        badInvite(),
                        badSignal(),
                        overLimits(),
                        badUtf8())
                .flatMap(s -> s);
    }

    static Stream<Arguments> notAnObject() {
        return Stream.of(
                Arguments.of("not JSON", utf8("hello"), ErrorCode.BAD_MESSAGE),
                Arguments.of("empty", new byte[0], ErrorCode.BAD_MESSAGE),
                Arguments.of("whitespace only", utf8(" \r\n\t "), ErrorCode.BAD_MESSAGE),
                Arguments.of("null", utf8("null"), ErrorCode.BAD_MESSAGE),
                Arguments.of("empty array", utf8("[]"), ErrorCode.BAD_MESSAGE),
                Arguments.of("array of a message", utf8("[{\"type\":\"create-flight\"}]"), ErrorCode.BAD_MESSAGE),
                Arguments.of("number", utf8("5"), ErrorCode.BAD_MESSAGE),
                Arguments.of("string", utf8("\"str\""), ErrorCode.BAD_MESSAGE),
                Arguments.of("true", utf8("true"), ErrorCode.BAD_MESSAGE),
                Arguments.of("single quotes", utf8("{'type':'create-flight'}"), ErrorCode.BAD_MESSAGE),
                Arguments.of("unquoted key", utf8("{type:\"create-flight\"}"), ErrorCode.BAD_MESSAGE),
                Arguments.of("trailing comma", utf8("{\"type\":\"create-flight\",}"), ErrorCode.BAD_MESSAGE),
                Arguments.of("comment", utf8("{\"type\":\"create-flight\"/*x*/}"), ErrorCode.BAD_MESSAGE),
                Arguments.of("NaN data", utf8(signal("NaN")), ErrorCode.BAD_MESSAGE),
                Arguments.of("leading zero data", utf8(signal("01")), ErrorCode.BAD_MESSAGE),
                Arguments.of("raw control char in string", utf8(signal("\"a\u0001b\"")), ErrorCode.BAD_MESSAGE),
                Arguments.of("bad escape", utf8(signal("\"\\x41\"")), ErrorCode.BAD_MESSAGE));
    }

    static Stream<Arguments> truncated() {
        return Stream.of(
                Arguments.of("truncated object", utf8("{\"type\":\"create-flight\""), ErrorCode.BAD_MESSAGE),
                Arguments.of("truncated string", utf8("{\"type\":\"create-fl"), ErrorCode.BAD_MESSAGE),
                Arguments.of("truncated data", utf8("{\"type\":\"signal\",\"data\":{\"sdp\":"), ErrorCode.BAD_MESSAGE),
                Arguments.of("lone brace", utf8("{"), ErrorCode.BAD_MESSAGE),
                Arguments.of("unbalanced close", utf8("{\"type\":\"signal\",\"data\":[}"), ErrorCode.BAD_MESSAGE));
    }

    static Stream<Arguments> trailingGarbage() {
        return Stream.of(
                Arguments.of("garbage after object", utf8("{\"type\":\"create-flight\"}x"), ErrorCode.BAD_MESSAGE),
                Arguments.of("two empty objects", utf8("{}{}"), ErrorCode.BAD_MESSAGE),
                Arguments.of("two messages", utf8("{\"type\":\"create-flight\"}{}"), ErrorCode.BAD_MESSAGE),
                Arguments.of("extra close", utf8("{\"type\":\"create-flight\"}}"), ErrorCode.BAD_MESSAGE),
                Arguments.of("number after object", utf8("{\"type\":\"create-flight\"} 1"), ErrorCode.BAD_MESSAGE),
                Arguments.of("NUL after object", utf8("{\"type\":\"create-flight\"}\u0000"), ErrorCode.BAD_MESSAGE));
    }

    static Stream<Arguments> badType() {
        return Stream.of(
                Arguments.of("missing type", utf8("{}"), ErrorCode.BAD_MESSAGE),
                Arguments.of("missing type with fields", utf8("{\"name\":\"x\",\"data\":{}}"), ErrorCode.BAD_MESSAGE),
                Arguments.of("number type", utf8("{\"type\":5}"), ErrorCode.BAD_MESSAGE),
                Arguments.of("object type", utf8("{\"type\":{\"type\":\"signal\"}}"), ErrorCode.BAD_MESSAGE),
                Arguments.of("array type", utf8("{\"type\":[\"create-flight\"]}"), ErrorCode.BAD_MESSAGE),
                Arguments.of("null type", utf8("{\"type\":null}"), ErrorCode.BAD_MESSAGE),
                Arguments.of("boolean type", utf8("{\"type\":true}"), ErrorCode.BAD_MESSAGE),
                Arguments.of("unknown type", utf8("{\"type\":\"hello\"}"), ErrorCode.UNKNOWN_TYPE),
                Arguments.of("type in wrong case", utf8("{\"type\":\"Create-Flight\"}"), ErrorCode.UNKNOWN_TYPE),
                Arguments.of("type with space", utf8("{\"type\":\"create-flight \"}"), ErrorCode.UNKNOWN_TYPE),
                Arguments.of("v2 type", utf8("{\"type\":\"attach-room\",\"roomId\":\"x\"}"), ErrorCode.UNKNOWN_TYPE),
                Arguments.of("server type", utf8("{\"type\":\"registered\",\"id\":\"x\"}"), ErrorCode.UNKNOWN_TYPE));
    }

    static Stream<Arguments> badRegister() {
        return Stream.of(
                Arguments.of("name missing", utf8("{\"type\":\"register-details\"}"), ErrorCode.INVALID_NAME),
                Arguments.of("number name", utf8("{\"type\":\"register-details\",\"name\":5}"), ErrorCode.INVALID_NAME),
                Arguments.of(
                        "null name", utf8("{\"type\":\"register-details\",\"name\":null}"), ErrorCode.INVALID_NAME),
                Arguments.of(
                        "object name", utf8("{\"type\":\"register-details\",\"name\":{}}"), ErrorCode.INVALID_NAME),
                Arguments.of(
                        "array name", utf8("{\"type\":\"register-details\",\"name\":[\"a\"]}"), ErrorCode.INVALID_NAME),
                Arguments.of(
                        "bool name", utf8("{\"type\":\"register-details\",\"name\":false}"), ErrorCode.INVALID_NAME));
    }

    static Stream<Arguments> badJoin() {
        return Stream.of(
                Arguments.of("code missing", utf8("{\"type\":\"join-flight\"}"), ErrorCode.INVALID_ROOM_ID),
                Arguments.of(
                        "number code",
                        utf8("{\"type\":\"join-flight\",\"flightCode\":123456}"),
                        ErrorCode.INVALID_ROOM_ID),
                Arguments.of(
                        "null code", utf8("{\"type\":\"join-flight\",\"flightCode\":null}"), ErrorCode.INVALID_ROOM_ID),
                Arguments.of(
                        "array code",
                        utf8("{\"type\":\"join-flight\",\"flightCode\":[\"ABC234\"]}"),
                        ErrorCode.INVALID_ROOM_ID));
    }

    static Stream<Arguments> badInvite() {
        return Stream.of(
                Arguments.of(
                        "invitee missing",
                        utf8("{\"type\":\"invite-to-flight\",\"flightCode\":\"ABC234\"}"),
                        ErrorCode.BAD_PAYLOAD),
                Arguments.of(
                        "code missing in invite",
                        utf8("{\"type\":\"invite-to-flight\",\"inviteeId\":\"k3j2\"}"),
                        ErrorCode.BAD_PAYLOAD),
                Arguments.of("both missing in invite", utf8("{\"type\":\"invite-to-flight\"}"), ErrorCode.BAD_PAYLOAD),
                Arguments.of(
                        "number invitee",
                        utf8("{\"type\":\"invite-to-flight\",\"inviteeId\":7,\"flightCode\":\"ABC234\"}"),
                        ErrorCode.BAD_PAYLOAD),
                Arguments.of(
                        "null code in invite",
                        utf8("{\"type\":\"invite-to-flight\",\"inviteeId\":\"k3j2\",\"flightCode\":null}"),
                        ErrorCode.BAD_PAYLOAD));
    }

    static Stream<Arguments> badSignal() {
        return Stream.of(
                Arguments.of("signal without data", utf8("{\"type\":\"signal\"}"), ErrorCode.BAD_PAYLOAD),
                Arguments.of(
                        "signal with data in other field",
                        utf8("{\"type\":\"signal\",\"payload\":{}}"),
                        ErrorCode.BAD_PAYLOAD));
    }

    static Stream<Arguments> overLimits() {
        return Stream.of(
                Arguments.of(
                        "data nested deeper than the limit",
                        utf8(signal(nested("[", "]", Json.MAX_NESTING_DEPTH, ""))),
                        ErrorCode.BAD_MESSAGE),
                Arguments.of(
                        "objects nested deeper than the limit",
                        utf8(signal(nested("{\"a\":", "}", Json.MAX_NESTING_DEPTH, "1"))),
                        ErrorCode.BAD_MESSAGE),
                Arguments.of(
                        "ignored field nested deeper than the limit",
                        utf8("{\"type\":\"create-flight\",\"x\":" + nested("[", "]", 200, "") + "}"),
                        ErrorCode.BAD_MESSAGE),
                Arguments.of("100k nesting", utf8(signal(nested("[", "]", 100_000, ""))), ErrorCode.BAD_MESSAGE),
                Arguments.of("100k unclosed nesting", utf8(signal("[".repeat(100_000))), ErrorCode.BAD_MESSAGE),
                Arguments.of("huge integer data", utf8(signal("9".repeat(1000))), ErrorCode.BAD_MESSAGE),
                Arguments.of(
                        "huge negative integer data", utf8(signal("-" + "1".repeat(100_000))), ErrorCode.BAD_MESSAGE),
                Arguments.of("huge fraction data", utf8(signal("1." + "0".repeat(1000))), ErrorCode.BAD_MESSAGE),
                Arguments.of(
                        "huge number inside data",
                        utf8(signal("{\"sdpMLineIndex\":" + "7".repeat(1000) + "}")),
                        ErrorCode.BAD_MESSAGE),
                Arguments.of(
                        "huge number in ignored field",
                        utf8("{\"type\":\"create-flight\",\"n\":" + "7".repeat(1000) + "}"),
                        ErrorCode.BAD_MESSAGE),
                Arguments.of("huge number as type", utf8("{\"type\":" + "7".repeat(1000) + "}"), ErrorCode.BAD_MESSAGE),
                Arguments.of(
                        "overlong field name",
                        utf8("{\"type\":\"create-flight\",\"" + "k".repeat(100_000) + "\":1}"),
                        ErrorCode.BAD_MESSAGE));
    }

    static Stream<Arguments> badUtf8() {
        return Stream.of(
                Arguments.of(
                        "bad UTF-8 in name",
                        concat(utf8("{\"type\":\"register-details\",\"name\":\"a"), bytes(0xC3, 0x28), utf8("\"}")),
                        ErrorCode.BAD_MESSAGE),
                Arguments.of(
                        "lone continuation in name",
                        concat(utf8("{\"type\":\"register-details\",\"name\":\""), bytes(0x80), utf8("\"}")),
                        ErrorCode.BAD_MESSAGE),
                Arguments.of(
                        "0xFF in name",
                        concat(utf8("{\"type\":\"register-details\",\"name\":\""), bytes(0xFF, 0xFE), utf8("\"}")),
                        ErrorCode.BAD_MESSAGE),
                Arguments.of(
                        "truncated 4-byte in code",
                        concat(
                                utf8("{\"type\":\"join-flight\",\"flightCode\":\""),
                                bytes(0xF0, 0x9F, 0x98),
                                utf8("\"}")),
                        ErrorCode.BAD_MESSAGE),
                Arguments.of(
                        "bad UTF-8 in type",
                        concat(utf8("{\"type\":\"sig"), bytes(0xC3, 0xC3), utf8("\"}")),
                        ErrorCode.BAD_MESSAGE),
                Arguments.of(
                        "bad UTF-8 in invitee",
                        concat(
                                utf8("{\"type\":\"invite-to-flight\",\"flightCode\":\"ABC234\",\"inviteeId\":\""),
                                bytes(0xE2, 0x28, 0xA1),
                                utf8("\"}")),
                        ErrorCode.BAD_MESSAGE),
                Arguments.of(
                        "bad UTF-8 outside strings",
                        concat(utf8("{\"type\":\"create-flight\""), bytes(0xC3, 0xA9), utf8("}")),
                        ErrorCode.BAD_MESSAGE),
                Arguments.of(
                        "bad UTF-8 in data string",
                        concat(utf8("{\"type\":\"signal\",\"data\":\"a"), bytes(0xC3, 0x28), utf8("\"}")),
                        ErrorCode.BAD_MESSAGE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileFrames")
    void hostileFrameIsInvalidWithTheExactCode(String label, byte[] frame, ErrorCode expected) {
        Decoded decoded = assertDoesNotThrow(() -> decode(frame));
        assertInvalid(expected, decoded);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileFrames")
    void hostileFrameAtAnOffsetIsInvalidWithTheSameCode(String label, byte[] frame, ErrorCode expected) {
        byte[] before = utf8(BEFORE);
        byte[] embedded = concat(before, frame, utf8(AFTER));
        assertInvalid(expected, assertDoesNotThrow(() -> DIALECT.decode(embedded, before.length, frame.length)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileFrames")
    void invalidDetailIsShortEvenForHugeInput(String label, byte[] frame, ErrorCode expected) {
        Decoded.Invalid invalid = assertInstanceOf(Decoded.Invalid.class, decode(frame));
        assertTrue(
                invalid.detail().length() <= 1000,
                () -> "detail of " + invalid.detail().length() + " chars");
    }

    @Test
    void unknownHugeTypeIsReportedWithAnAbbreviatedDetail() {
        Decoded decoded = decode("{\"type\":\"" + "t".repeat(1 << 20) + "\"}");
        assertInvalid(ErrorCode.UNKNOWN_TYPE, decoded);
        assertTrue(((Decoded.Invalid) decoded).detail().length() < 100);
    }

    @Test
    void badUtf8InsideSignalDataObjectIsInvalid() {
        byte[] frame = concat(utf8("{\"type\":\"signal\",\"data\":{\"sdp\":\"v=0"), bytes(0xC3, 0x28), utf8("\"}}"));
        assertInvalid(ErrorCode.BAD_MESSAGE, decode(frame));
    }

    /** Byte sequences that are not UTF-8 (RFC 3629) although a lenient decoder can map them to chars. */
    static Stream<Arguments> lenientUtf8() {
        List<Arguments> cases = new ArrayList<>();
        int[][] sequences = {
            {0xC0, 0xAF}, // overlong '/'
            {0xC1, 0xBF}, // overlong DEL
            {0xE0, 0x80, 0xAF}, // overlong '/', 3 bytes
            {0xF0, 0x80, 0x80, 0xAF}, // overlong '/', 4 bytes
            {0xED, 0xA0, 0x80}, // UTF-16 high surrogate encoded (CESU-8)
            {0xED, 0xB0, 0x80}, // UTF-16 low surrogate encoded
            {0xF4, 0x90, 0x80, 0x80}, // U+110000, beyond Unicode
            {0xF5, 0x80, 0x80, 0x80} // F5 never starts a sequence
        };
        String[][] places = {
            {"name", "{\"type\":\"register-details\",\"name\":\"a", "\"}"},
            {"type", "{\"type\":\"signal", "\",\"data\":1}"},
            {"data string", "{\"type\":\"signal\",\"data\":\"a", "\"}"},
            {"data member", "{\"type\":\"signal\",\"data\":{\"sdp\":\"a", "\"}}"},
            {"ignored field", "{\"type\":\"create-flight\",\"localIp\":\"a", "\"}"}
        };
        for (int[] sequence : sequences) {
            StringBuilder hex = new StringBuilder();
            for (int b : sequence) {
                hex.append(String.format(Locale.ROOT, "%02X", b));
            }
            for (String[] place : places) {
                byte[] frame = concat(utf8(place[1]), bytes(sequence), utf8(place[2]));
                cases.add(Arguments.of(hex + " in " + place[0], frame));
            }
        }
        return cases.stream();
    }

    /**
     * jackson-core's UTF-8 decoder accepts overlong forms, encoded surrogates and code points above U+10FFFF, so the
     * dialect's contract is that frames are strict UTF-8: WebSocket text frames are validated by Netty, and the
     * session handler checks binary frames with {@link Utf8#isValid} before decoding. These are the frames it
     * refuses.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("lenientUtf8")
    void overlongSurrogateAndOutOfRangeUtf8IsRefusedByTheStrictValidator(String label, byte[] frame) {
        assertFalse(Utf8.isValid(frame, 0, frame.length));
        byte[] embedded = concat(utf8(BEFORE), frame, utf8(AFTER));
        assertFalse(Utf8.isValid(embedded, 0, embedded.length));
    }

    static Stream<Arguments> otherEncodings() {
        String signal = signal("{\"a\":1}");
        String create = "{\"type\":\"create-flight\"}";
        byte[] bom = bytes(0xEF, 0xBB, 0xBF);
        return Stream.of(
                Arguments.of("UTF-16BE signal", signal.getBytes(StandardCharsets.UTF_16BE)),
                Arguments.of("UTF-16LE signal", signal.getBytes(StandardCharsets.UTF_16LE)),
                Arguments.of("UTF-16 with BOM signal", signal.getBytes(StandardCharsets.UTF_16)),
                Arguments.of("UTF-32BE signal", signal.getBytes(Charset.forName("UTF-32BE"))),
                Arguments.of("UTF-16BE create-flight", create.getBytes(StandardCharsets.UTF_16BE)),
                Arguments.of("UTF-16LE create-flight", create.getBytes(StandardCharsets.UTF_16LE)),
                Arguments.of("UTF-8 BOM create-flight", concat(bom, utf8(create))),
                Arguments.of("UTF-8 BOM signal", concat(bom, utf8(signal))));
    }

    /**
     * {@code JsonFactory.createParser(byte[], int, int)} sniffs the encoding; UTF-16 and UTF-32 frames (and a UTF-8
     * byte order mark) must not get through, as {@code JSON.parse} in the original rejects them.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("otherEncodings")
    void framesThatAreNotPlainUtf8AreBadMessageAtAnyOffset(String label, byte[] frame) {
        assertInvalid(ErrorCode.BAD_MESSAGE, decode(frame));
        byte[] before = utf8(BEFORE);
        byte[] embedded = concat(before, frame, utf8(AFTER));
        assertInvalid(ErrorCode.BAD_MESSAGE, DIALECT.decode(embedded, before.length, frame.length));
    }

    /** Two payloads are equal only when their bytes and lengths are. */
    @Test
    void relaysOfDifferentDataAreNotEqual() {
        Decoded one = decode(signal("1"));
        Decoded twelve = decode(signal("12"));
        assertNotEquals(twelve, one);
        assertNotEquals(one, twelve);
        assertNotEquals(RawJson.of("1"), RawJson.of("12"));
        assertNotEquals(RawJson.of("12"), RawJson.of("1"));
    }

    @Test
    void badUtf8InAnIgnoredFieldIsInvalid() {
        byte[] frame = concat(utf8("{\"type\":\"create-flight\",\"localIp\":\""), bytes(0xFF), utf8("\"}"));
        assertInvalid(ErrorCode.BAD_MESSAGE, decode(frame));
    }

    @Test
    void dataNestedExactlyToTheLimitIsAccepted() {
        // The envelope object is one level, so the data may add MAX_NESTING_DEPTH - 1 more.
        String data = nested("[", "]", Json.MAX_NESTING_DEPTH - 1, "");
        assertRaw(data, assertRelay(decode(signal(data))));
    }

    @Test
    void longNumberWithinTheLimitIsKeptAsSent() {
        String data = "{\"n\":" + "1".repeat(60) + ",\"f\":-0." + "5".repeat(60) + "e-10}";
        assertRaw(data, assertRelay(decode(signal(data))));
    }

    @Test
    void oneMebibyteNameStillDecodesToRegister() {
        String name = "n".repeat(1 << 20);
        Decoded decoded = decode("{\"type\":\"register-details\",\"name\":\"" + name + "\"}");
        assertEquals(new Command.Register(name), assertOk(decoded));
    }

    @Test
    void oneMebibyteSignalDataIsKeptWhole() {
        String data = "{\"sdp\":\"" + "a".repeat(1 << 20) + "\"}";
        assertRaw(data, assertRelay(decode(signal(data))));
    }

    @Test
    void duplicateKeysLastOneWins() {
        assertEquals(
                new Command.JoinRoom("ABC234"),
                assertOk(decode("{\"type\":\"create-flight\",\"type\":\"join-flight\",\"flightCode\":\"ABC234\"}")));
        assertEquals(
                new Command.Register("second"),
                assertOk(decode("{\"type\":\"register-details\",\"name\":\"first\",\"name\":\"second\"}")));
        assertEquals(
                new Command.JoinRoom("NEW234"),
                assertOk(decode("{\"type\":\"join-flight\",\"flightCode\":\"OLD234\",\"flightCode\":\"NEW234\"}")));
        assertRaw("{\"x\":2}", assertRelay(decode("{\"type\":\"signal\",\"data\":[1],\"data\":{\"x\":2}}")));
    }

    @Test
    void duplicateKeyWithALastValueOfTheWrongKindWins() {
        assertInvalid(ErrorCode.INVALID_NAME, decode("{\"type\":\"register-details\",\"name\":\"ok\",\"name\":5}"));
        assertInvalid(ErrorCode.BAD_MESSAGE, decode("{\"type\":\"create-flight\",\"type\":null}"));
        assertInvalid(
                ErrorCode.INVALID_ROOM_ID,
                decode("{\"type\":\"join-flight\",\"flightCode\":\"ABC234\",\"flightCode\":{}}"));
    }

    @Test
    void decodeReadsOnlyTheGivenLength() {
        byte[] frame = utf8("{\"type\":\"create-flight\"}");
        for (int length = 0; length < frame.length; length++) {
            int n = length;
            assertInvalid(ErrorCode.BAD_MESSAGE, assertDoesNotThrow(() -> DIALECT.decode(frame, 0, n)));
        }
        byte[] withTail = utf8("{\"type\":\"create-flight\"}garbage");
        assertEquals(new Command.CreateRoom(), assertOk(DIALECT.decode(withTail, 0, frame.length)));
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "\n", "\r\n", "\t", " \t\r\n "})
    void whitespaceAroundTheObjectIsAccepted(String space) {
        assertEquals(new Command.CreateRoom(), assertOk(decode(space + "{\"type\":\"create-flight\"}" + space)));
    }

    // --- fuzz-ish: truncations and mutations never throw ----------------------------------------------------------

    static List<String> validMessages() {
        return List.of(
                "{\"type\":\"register-details\",\"name\":\"Alice\",\"localIpPrefix\":\"unknown\",\"localIp\":\"unknown\"}",
                "{\"type\":\"register-details\",\"name\":\"B\\u00f6b \\\"😀\\\"\"}",
                "{\"type\":\"create-flight\"}",
                "{\"type\":\"join-flight\",\"flightCode\":\"ABC234\"}",
                "{\"type\":\"invite-to-flight\",\"inviteeId\":\"k3j2h1x9z\",\"flightCode\":\"ABC234\"}",
                signal(SDP_OFFER),
                signal(CANDIDATE),
                signal("[1,2.5,-3e+7,{\"a\":[]},\"x\",null]"),
                signal("\"esc \\\" \\\\ \\n \\u00e9 é 😀\""),
                signal("-12.5e-3"),
                signal("true"),
                signal("null"),
                signal(nested("{\"a\":", "}", 20, "[{\"b\":[1,{}]}]")),
                "{\"data\":" + CANDIDATE + ",\"type\":\"signal\"}",
                " { \"type\" : \"signal\" , \"data\" : { \"a\" : [ 1 , 2 ] } }",
                "{\"type\":\"create-flight\",\"type\":\"join-flight\",\"flightCode\":\"ABC234\"}",
                "{\"type\":\"register-details\",\"name\":\"名前 ☃\",\"extra\":{\"n\":[1,2,{\"x\":null}]}}",
                "{\"type\":\"join-flight\",\"flightCode\":\"XYZ789\",\"ts\":1718000000000,\"ok\":true}",
                signal("{}"),
                signal("{\"sdp\":{\"type\":\"answer\",\"sdp\":\"v=0\\r\\n\"},\"extra\":[\"\\ud83d\\ude00\"]}"));
    }

    @Test
    void fuzzCorpusIsTwentyValidMessages() {
        assertEquals(20, validMessages().size());
        for (String message : validMessages()) {
            assertOk(decode(message));
        }
    }

    @Test
    void everyTruncationOfAValidMessageIsBadMessage() {
        for (String message : validMessages()) {
            byte[] frame = utf8(message.strip());
            for (int length = 0; length < frame.length; length++) {
                int n = length;
                Decoded decoded =
                        assertDoesNotThrow(() -> DIALECT.decode(frame, 0, n), () -> "prefix " + n + " of " + message);
                assertInvalid(ErrorCode.BAD_MESSAGE, decoded);
                byte[] copy = Arrays.copyOf(frame, n);
                assertInvalid(ErrorCode.BAD_MESSAGE, decode(copy));
            }
        }
    }

    @Test
    void randomByteMutationsNeverThrowAndNeverEscapeTheSlice() {
        Random random = new Random(0x5EED_D50L);
        byte[] structural = utf8("{}[]\":,\\ 0-etnu");
        byte[] special = bytes(0x00, 0x1F, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xED, 0xF0, 0xF8, 0xFF);
        for (String message : validMessages()) {
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
                assertNotNull(atOffset, what);
                assertEquals(plain.getClass(), atOffset.getClass(), what);
                if (atOffset instanceof Decoded.Ok ok && ok.command() instanceof Command.Relay relay) {
                    RawJson raw = relay.payload();
                    assertSame(embedded, raw.array(), what);
                    assertTrue(raw.offset() >= pad && raw.offset() + raw.length() <= pad + frame.length, what);
                    RawJson plainRaw = ((Command.Relay) ((Decoded.Ok) plain).command()).payload();
                    assertEquals(plainRaw.toString(), raw.toString(), what);
                }
            }
        }
    }
}
