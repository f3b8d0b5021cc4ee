package io.switchboard.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonScannerTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "[]",
                "\"\"",
                "0",
                "-0",
                "12",
                "-12.5",
                "1e9",
                "1E+9",
                "2.5e-3",
                "true",
                "false",
                "null",
                "{\"candidate\":\"candidate:1 1 udp 2122260223 192.168.1.2 54321 typ host\",\"sdpMLineIndex\":0}",
                "{\"sdp\":{\"type\":\"offer\",\"sdp\":\"v=0\\r\\no=- 1 2 IN IP4 127.0.0.1\\r\\n\"}}",
                "{ \"a\" : [ 1 , { \"b\" : null } , [ ] ] , \"c\" : \"\\\"\\\\\\/\\b\\f\\n\\r\\t\" }",
                "\"\u007f\""
            })
    void takesTheJsonSignalingIsMadeOf(String json) {
        byte[] b = bytes(json);

        assertEquals(b.length, JsonScanner.skipValue(b, 0, b.length), json);
        assertTrue(jacksonReadsOneValue(b), json);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "{",
                "[1,]",
                "{\"a\":1,}",
                "{\"a\" 1}",
                "{a:1}",
                "{'a':1}",
                "[1 2]",
                "01",
                "1.",
                ".5",
                "+1",
                "-",
                "1e",
                "1e+",
                "0x10",
                "NaN",
                "tru",
                "truex",
                "nul",
                "12a",
                "\"unterminated",
                "\"tab\tinside\"",
                "\"bad \\x escape\"",
                "\"\\u0041\"",
                "\"caf\u00e9\""
            })
    void givesUpOnInvalidInputAndOnWhatItLeavesToJackson(String json) {
        byte[] b = bytes(json);

        assertEquals(JsonScanner.GIVE_UP, JsonScanner.skipValue(b, 0, b.length), json);
    }

    @Test
    void givesUpPastItsOwnLimitsWhichAreBelowJacksons() {
        String deep = "[".repeat(JsonScanner.MAX_DEPTH + 1) + "]".repeat(JsonScanner.MAX_DEPTH + 1);
        String shallowEnough = "[".repeat(JsonScanner.MAX_DEPTH) + "]".repeat(JsonScanner.MAX_DEPTH);
        String longNumber = "1".repeat(JsonScanner.MAX_NUMBER_LENGTH + 1);
        String longName = "{\"" + "n".repeat(JsonScanner.MAX_NAME_LENGTH + 1) + "\":1}";

        assertEquals(JsonScanner.GIVE_UP, scan(deep));
        assertEquals(shallowEnough.length(), scan(shallowEnough));
        assertEquals(JsonScanner.GIVE_UP, scan(longNumber));
        assertEquals(JsonScanner.GIVE_UP, scan(longName));
        assertTrue(jacksonReadsOneValue(bytes(deep)), "jackson takes what the scanner leaves to it");
        assertTrue(jacksonReadsOneValue(bytes(longName)));
    }

    @Test
    void stopsAtTheEndOfTheValueAndReadsNothingPastTheGivenEnd() {
        byte[] b = bytes("{\"a\":[1,2]} trailing");

        assertEquals(11, JsonScanner.skipValue(b, 0, b.length));
        assertEquals(JsonScanner.GIVE_UP, JsonScanner.skipValue(b, 0, 10), "the value is cut by the end");
        assertEquals(JsonScanner.GIVE_UP, JsonScanner.skipValue(bytes("12"), 0, 0));
        assertEquals(1, JsonScanner.skipValue(bytes("12"), 0, 1), "a number ends where the range ends");
    }

    /**
     * The scanner's whole contract, on generated and mutated input: whatever it takes as one complete value, jackson
     * takes too. (The reverse is not required: the scanner leaves the rest to jackson.)
     */
    @Test
    void everythingTheScannerTakesJacksonTakesToo() {
        Random random = new Random(20261123);
        int taken = 0;
        for (int i = 0; i < 200_000; i++) {
            byte[] b = bytes(JsonGenerator.value(random, 0));
            if (i % 2 == 1) {
                JsonGenerator.mutate(b, random);
            }
            int end = JsonScanner.skipValue(b, 0, b.length);
            if (end == b.length) {
                taken++;
                assertTrue(jacksonReadsOneValue(b), () -> "the scanner took what jackson refuses: " + text(b));
            }
        }
        assertTrue(taken > 50_000, "most generated input is plain enough for the scanner: " + taken);
    }

    private static int scan(String json) {
        byte[] b = bytes(json);
        return JsonScanner.skipValue(b, 0, b.length);
    }

    /** Whether jackson, as the dialects configure it, reads {@code b} as exactly one value and nothing after it. */
    static boolean jacksonReadsOneValue(byte[] b) {
        try (JsonParser parser = Json.FACTORY.createParser(b)) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
