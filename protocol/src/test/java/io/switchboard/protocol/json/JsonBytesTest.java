package io.switchboard.protocol.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.switchboard.core.message.RawJson;
import io.switchboard.protocol.ByteArraySink;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonBytesTest {
    /** A default jackson factory, independent of the limits under test, to check what peers will parse. */
    private static final JsonFactory PLAIN = new JsonFactory();

    private static byte[] string(String value) {
        ByteArraySink sink = new ByteArraySink();
        JsonBytes.writeString(sink, value);
        return sink.toByteArray();
    }

    private static byte[] number(long value) {
        ByteArraySink sink = new ByteArraySink();
        JsonBytes.writeNumber(sink, value);
        return sink.toByteArray();
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String parseString(byte[] json) throws IOException {
        try (JsonParser parser = PLAIN.createParser(json)) {
            assertEquals(JsonToken.VALUE_STRING, parser.nextToken());
            String value = parser.getText();
            assertNull(parser.nextToken(), "nothing after the string");
            return value;
        }
    }

    private static void assertValidUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw new AssertionError("not valid UTF-8: " + new String(bytes, StandardCharsets.ISO_8859_1), e);
        }
    }

    static Stream<Arguments> goldenStrings() {
        return Stream.of(
                Arguments.of("", ascii("\"\"")),
                Arguments.of("plain text / 123", ascii("\"plain text / 123\"")),
                Arguments.of("a\"b", ascii("\"a\\\"b\"")),
                Arguments.of("a\\b", ascii("\"a\\\\b\"")),
                Arguments.of("\n", ascii("\"\\n\"")),
                Arguments.of("\r", ascii("\"\\r\"")),
                Arguments.of("\t", ascii("\"\\t\"")),
                Arguments.of("\u0000", ascii("\"\\u0000\"")),
                Arguments.of("\u0001", ascii("\"\\u0001\"")),
                Arguments.of("\b", ascii("\"\\u0008\"")),
                Arguments.of("\f", ascii("\"\\u000c\"")),
                Arguments.of("\u001b", ascii("\"\\u001b\"")),
                Arguments.of("\u001f", ascii("\"\\u001f\"")),
                Arguments.of(" ~", ascii("\" ~\"")),
                Arguments.of("\u007f", ascii("\"\\u007f\"")),
                Arguments.of("\u0080", bytes('"', 0xC2, 0x80, '"')),
                Arguments.of("é", bytes('"', 0xC3, 0xA9, '"')),
                Arguments.of("\u07ff", bytes('"', 0xDF, 0xBF, '"')),
                Arguments.of("\u0800", bytes('"', 0xE0, 0xA0, 0x80, '"')),
                Arguments.of("€", bytes('"', 0xE2, 0x82, 0xAC, '"')),
                Arguments.of("\u2028", bytes('"', 0xE2, 0x80, 0xA8, '"')),
                Arguments.of("\ud7ff", bytes('"', 0xED, 0x9F, 0xBF, '"')),
                Arguments.of("\ue000", bytes('"', 0xEE, 0x80, 0x80, '"')),
                Arguments.of("\uffff", bytes('"', 0xEF, 0xBF, 0xBF, '"')),
                Arguments.of("\ud800\udc00", bytes('"', 0xF0, 0x90, 0x80, 0x80, '"')),
                Arguments.of("😀", bytes('"', 0xF0, 0x9F, 0x98, 0x80, '"')),
                Arguments.of("\udbff\udfff", bytes('"', 0xF4, 0x8F, 0xBF, 0xBF, '"')),
                Arguments.of("\ud83d", ascii("\"\\ud83d\"")),
                Arguments.of("\ude00", ascii("\"\\ude00\"")),
                Arguments.of("\ud83dx", ascii("\"\\ud83dx\"")),
                Arguments.of("\ude00\ud83d", ascii("\"\\ude00\\ud83d\"")),
                Arguments.of(
                        "\ud83d\ud83d\ude00", bytes('"', '\\', 'u', 'd', '8', '3', 'd', 0xF0, 0x9F, 0x98, 0x80, '"')),
                Arguments.of(
                        "a\"\\\n😀\u0000é",
                        bytes(
                                '"', 'a', '\\', '"', '\\', '\\', '\\', 'n', 0xF0, 0x9F, 0x98, 0x80, '\\', 'u', '0', '0',
                                '0', '0', 0xC3, 0xA9, '"')));
    }

    @ParameterizedTest
    @MethodSource("goldenStrings")
    void writeStringProducesTheGoldenBytes(String value, byte[] expected) {
        assertArrayEquals(
                expected, string(value), () -> "bytes of " + new String(string(value), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @MethodSource("goldenStrings")
    void writtenStringParsesBackToTheOriginal(String value, byte[] ignored) throws IOException {
        byte[] json = string(value);
        assertValidUtf8(json);
        assertEquals(value, parseString(json));
    }

    @Test
    void everyCharBelowSpaceIsEscaped() throws IOException {
        for (char c = 0; c < 0x20; c++) {
            byte[] json = string(String.valueOf(c));
            for (byte b : json) {
                assertFalse(b >= 0 && b < 0x20, "raw control byte for U+" + Integer.toHexString(c));
            }
            assertEquals(String.valueOf(c), parseString(json));
        }
    }

    @Test
    void everySingleCharRoundTrips() throws IOException {
        for (int c = 0; c <= 0xFFFF; c++) {
            String value = "x" + (char) c + "y";
            byte[] json = string(value);
            assertValidUtf8(json);
            assertEquals(value, parseString(json), "U+" + Integer.toHexString(c));
        }
    }

    @Test
    void randomStringsWithSurrogatesAndControlsRoundTrip() throws IOException {
        Random random = new Random(20240611L);
        char[] interesting = {'"', '\\', '\n', '\r', '\t', '\u0000', '\u007f', '\ud83d', '\ude00', '\udbff', '\u2028'};
        for (int round = 0; round < 2000; round++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                int kind = random.nextInt(4);
                if (kind == 0) {
                    sb.append(interesting[random.nextInt(interesting.length)]);
                } else if (kind == 1) {
                    sb.append((char) random.nextInt(0x10000));
                } else if (kind == 2) {
                    sb.appendCodePoint(0x10000 + random.nextInt(0x100000));
                } else {
                    sb.append((char) (0x20 + random.nextInt(0x5F)));
                }
            }
            String value = sb.toString();
            byte[] json = string(value);
            assertValidUtf8(json);
            assertEquals(value, parseString(json));
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 9, 10, 11, 99, 100, -1, -9, -10, 1234567890L, Long.MAX_VALUE, Long.MIN_VALUE})
    void writeNumberWritesTheDecimalDigits(long value) throws IOException {
        byte[] json = number(value);
        assertEquals(Long.toString(value), new String(json, StandardCharsets.US_ASCII));
        try (JsonParser parser = PLAIN.createParser(json)) {
            assertEquals(JsonToken.VALUE_NUMBER_INT, parser.nextToken());
            assertEquals(value, parser.getLongValue());
            assertNull(parser.nextToken());
        }
    }

    @Test
    void writeNumberGoldenBytesAtTheEdges() {
        assertArrayEquals(ascii("0"), number(0));
        assertArrayEquals(ascii("9"), number(9));
        assertArrayEquals(ascii("10"), number(10));
        assertArrayEquals(ascii("-1"), number(-1));
        assertArrayEquals(ascii("-9223372036854775808"), number(Long.MIN_VALUE));
        assertArrayEquals(ascii("9223372036854775807"), number(Long.MAX_VALUE));
    }

    @Test
    void writeRawCopiesOnlyTheSliceByteForByte() {
        byte[] frame = "xx{ \"a\" : [1, \"\\u00e9\"] }yy".getBytes(StandardCharsets.UTF_8);
        RawJson raw = RawJson.wrap(frame, 2, frame.length - 4);
        ByteArraySink sink = new ByteArraySink();
        sink.write('[');
        JsonBytes.writeRaw(sink, raw);
        sink.write(']');
        assertEquals("[{ \"a\" : [1, \"\\u00e9\"] }]", sink.toString());
    }

    @Test
    void constantIsTheUtf8OfItsText() {
        assertArrayEquals(bytes('{', '"', 0xC3, 0xA9, '"', ':', '1', '}'), JsonBytes.constant("{\"é\":1}"));
    }

    @Test
    void writesAppendToWhatTheSinkAlreadyHolds() {
        ByteArraySink sink = new ByteArraySink(1);
        JsonBytes.writeString(sink, "a");
        sink.write(',');
        JsonBytes.writeNumber(sink, 42);
        sink.write(',');
        JsonBytes.writeString(sink, "b".repeat(300));
        assertEquals("\"a\",42,\"" + "b".repeat(300) + "\"", sink.toString());
    }
}
