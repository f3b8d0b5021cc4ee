package io.switchboard.protocol.dropsilk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.protocol.Decoded;
import io.switchboard.protocol.json.JsonGenerator;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The scanner's fast path for DropSilk envelopes decodes exactly what jackson's path decodes, or stays out. */
class DropSilkScannedDecodeTest {
    private static final DropSilkDialect DIALECT = new DropSilkDialect();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"type\":\"signal\",\"data\":{\"candidate\":{\"candidate\":\"candidate:1 1 udp 1 10.0.0.1 5000 typ"
                        + " host\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0,\"usernameFragment\":null}}}",
                "{\"type\":\"signal\",\"data\":{\"sdp\":{\"type\":\"offer\",\"sdp\":\"v=0\\r\\no=- 1 2 IN IP4"
                        + " 127.0.0.1\\r\\n\"}}}",
                " { \"data\" : [1, 2.5, true] , \"type\" : \"signal\" } ",
                "{\"type\":\"join-flight\",\"flightCode\":\"ABC123\"}",
                "{\"type\":\"register-details\",\"name\":\"Dev\",\"extra\":{\"nested\":[null]}}",
                "{\"type\":\"create-flight\"}",
                "{\"type\":\"invite-to-flight\",\"inviteeId\":\"u1\",\"flightCode\":7}",
                "{\"type\":\"signal\"}",
                "{\"type\":5,\"data\":1}",
                "{}",
                "{\"type\":\"first\",\"type\":\"signal\",\"data\":\"x\",\"data\":\"last wins\"}",
                "{\"type\":\"no-such-type\"}"
            })
    void plainFramesTakeTheFastPathAndDecodeAsJacksonDoes(String json) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);

        assertNotNull(DropSilkDialect.scanEnvelope(b, 0, b.length), json);
        assertEquals(DIALECT.decodeWithJackson(b, 0, b.length), DIALECT.decode(b, 0, b.length), json);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"type\":\"register-details\",\"name\":\"Zo\u00eb\"}",
                "{\"type\":\"register-details\",\"name\":\"tab\\tinside\"}",
                "{\"ty\\u0070e\":\"signal\",\"data\":1}",
                "{\"type\":\"signal\",\"data\":1} trailing",
                "{\"type\":\"signal\",\"data\":01}",
                "{\"type\":\"signal\",\"data\":{}",
                "[\"type\",\"signal\"]"
            })
    void anythingElseIsLeftToJackson(String json) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);

        assertNull(DropSilkDialect.scanEnvelope(b, 0, b.length), json);
        assertEquals(DIALECT.decodeWithJackson(b, 0, b.length), DIALECT.decode(b, 0, b.length), json);
    }

    @Test
    void aFrameInsideALargerArrayIsReadWithinItsBounds() {
        String json = "{\"type\":\"signal\",\"data\":{\"n\":1}}";
        byte[] padded = ("xx" + json + "yy").getBytes(StandardCharsets.UTF_8);

        Decoded decoded = DIALECT.decode(padded, 2, json.length());

        assertEquals(DIALECT.decodeWithJackson(padded, 2, json.length()), decoded);
        assertNotNull(DropSilkDialect.scanEnvelope(padded, 2, 2 + json.length()));
    }

    /** On generated envelopes, whole and with one byte changed: where the scanner answers, jackson agrees. */
    @Test
    void whereverTheScannerAnswersJacksonGivesTheSameDecoding() {
        int scanned = JsonGenerator.assertScannerAgreesWithJackson(
                new Random(7),
                100_000,
                DropSilkScannedDecodeTest::envelope,
                b -> DropSilkDialect.scanEnvelope(b, 0, b.length) != null,
                b -> DIALECT.decode(b, 0, b.length),
                b -> DIALECT.decodeWithJackson(b, 0, b.length));

        assertTrue(scanned > 30_000, "the fast path is taken by most plain frames: " + scanned);
    }

    private static String envelope(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> "{\"type\":\"signal\",\"data\":" + JsonGenerator.value(random, 0) + "}";
            case 1 -> "{\"data\":" + JsonGenerator.value(random, 0) + ",\"type\":" + JsonGenerator.string(random) + "}";
            default -> JsonGenerator.object(random, 0);
        };
    }
}
