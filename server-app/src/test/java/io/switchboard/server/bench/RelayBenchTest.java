package io.switchboard.server.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RelayBenchTest {
    private static final int PAIRS = 8;
    private static final long MESSAGES = 300;

    @ParameterizedTest
    @ValueSource(strings = {"dropsilk", "privydrop", "reference"})
    void relayOfCandidatesDeliversEveryMessageOnceAndInOrder(String dialect) throws Exception {
        try (BenchTarget target = BenchTarget.start(dialect)) {
            assertExactlyOnceInOrder(relay(target, Payload.CANDIDATE));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dropsilk", "reference"})
    void relayOfOffersDeliversEveryMessageOnceAndInOrder(String dialect) throws Exception {
        try (BenchTarget target = BenchTarget.start(dialect)) {
            assertExactlyOnceInOrder(relay(target, Payload.OFFER));
        }
    }

    private static Map<String, Object> relay(BenchTarget target, Payload payload) throws InterruptedException {
        BenchSettings settings = target.settings()
                .pairs(PAIRS)
                .window(4)
                .payload(payload)
                .messages(MESSAGES)
                .build();
        return new RelayRun(settings).run().values();
    }

    private static void assertExactlyOnceInOrder(Map<String, Object> values) {
        assertEquals(PAIRS * MESSAGES, values.get("sent"), "sent");
        assertEquals(PAIRS * MESSAGES, values.get("received"), "received");
        assertEquals(0L, values.get("duplicates"), "duplicates");
        assertEquals(0L, values.get("outOfOrder"), "out of order");
        assertEquals(0L, values.get("errors"), "errors");
    }
}
