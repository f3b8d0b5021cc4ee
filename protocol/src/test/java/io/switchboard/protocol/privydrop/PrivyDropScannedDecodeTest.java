package io.switchboard.protocol.privydrop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.protocol.json.JsonGenerator;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The scanner's fast path for PrivyDrop events decodes exactly what jackson's path decodes, or stays out. */
class PrivyDropScannedDecodeTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "[\"ice-candidate\",{\"peerId\":\"Zb1Rk9xQw2Ls7NpTAAAD\",\"candidate\":{\"candidate\":\"candidate:1 1"
                        + " udp 1 10.0.0.1 5000 typ host\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0},\"from\":\"x\"}]",
                "[\"offer\",{\"peerId\":\"p\",\"offer\":{\"type\":\"offer\",\"sdp\":\"v=0\\r\\n\"}}]",
                "[\"answer\",{\"peerId\":\"p\"}]",
                "[\"join\",{\"roomId\":\"4821\"}]",
                "[\"join\"]",
                "[\"initiator-online\",{\"roomId\":\"4821\"}, 7, [true]]",
                "[\"recipient-ready\",\"not an object\"]",
                "[\"ice-candidate\",{\"peerId\":5,\"candidate\":null}]",
                "[\"something-else\",{\"a\":1}]",
                " [ \"offer\" , { \"offer\" : 1 , \"peerId\" : \"p\" , \"peerId\" : \"last\" } ] "
            })
    void plainEventsTakeTheFastPathAndDecodeAsJacksonDoes(String json) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);

        assertNotNull(PrivyDropDecoder.scan(b, 0, b.length), json);
        assertEquals(PrivyDropDecoder.decodeWithJackson(b, 0, b.length), PrivyDropDecoder.decode(b, 0, b.length));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[\"join\",{\"roomId\":\"r\\u00f6\"}]",
                "[\"join\",{\"roomId\":\"tab\\tinside\"}]",
                "[\"jo\\u0069n\",{\"roomId\":\"1\"}]",
                "[1,{\"roomId\":\"1\"}]",
                "[]",
                "[\"join\",{\"roomId\":\"1\"}] trailing",
                "[\"join\",{\"roomId\":\"1\",}]",
                "[\"join\",{\"roomId\":\"caf\u00e9\"}]"
            })
    void anythingElseIsLeftToJackson(String json) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);

        assertNull(PrivyDropDecoder.scan(b, 0, b.length), json);
        assertEquals(PrivyDropDecoder.decodeWithJackson(b, 0, b.length), PrivyDropDecoder.decode(b, 0, b.length));
    }

    /** On generated events, whole and with one byte changed: where the scanner answers, jackson agrees. */
    @Test
    void whereverTheScannerAnswersJacksonGivesTheSameDecoding() {
        int scanned = JsonGenerator.assertScannerAgreesWithJackson(
                new Random(11),
                100_000,
                PrivyDropScannedDecodeTest::event,
                b -> PrivyDropDecoder.scan(b, 0, b.length) != null,
                b -> PrivyDropDecoder.decode(b, 0, b.length),
                b -> PrivyDropDecoder.decodeWithJackson(b, 0, b.length));

        assertTrue(scanned > 30_000, "the fast path is taken by most plain events: " + scanned);
    }

    /** An event array with a random name, maybe an object of fields PrivyDrop reads, maybe another argument. */
    private static String event(Random random) {
        String[] names = {"offer", "answer", "ice-candidate", "join", "initiator-online", "recipient-ready", "x"};
        String[] keys = {"peerId", "roomId", "offer", "answer", "candidate", "from"};
        StringBuilder event = new StringBuilder("[\"")
                .append(names[random.nextInt(names.length)])
                .append('"');
        if (random.nextInt(4) > 0) {
            event.append(",{");
            int fields = random.nextInt(4);
            for (int f = 0; f < fields; f++) {
                event.append(f > 0 ? "," : "")
                        .append('"')
                        .append(keys[random.nextInt(keys.length)])
                        .append("\":")
                        .append(random.nextBoolean() ? JsonGenerator.string(random) : JsonGenerator.value(random, 0));
            }
            event.append('}');
        }
        if (random.nextInt(4) == 0) {
            event.append(',').append(JsonGenerator.value(random, 0));
        }
        return event.append(']').toString();
    }
}
