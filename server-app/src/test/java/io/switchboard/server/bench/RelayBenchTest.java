package io.switchboard.server.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RelayBenchTest {
    private static final int PAIRS = 8;
    private static final long CANDIDATES = 300;
    /** Fewer: paranoid leak detection makes each 3 KB frame slow, and 100 already cross many read bursts. */
    private static final long OFFERS = 100;

    @ParameterizedTest
    @ValueSource(strings = {"dropsilk", "privydrop", "reference"})
    void relayOfCandidatesDeliversEveryMessageOnceAndInOrder(String dialect) throws Exception {
        try (BenchTarget target = BenchTarget.start(dialect)) {
            assertExactlyOnceInOrder(relay(target, Payload.CANDIDATE, CANDIDATES), CANDIDATES);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dropsilk", "reference"})
    void relayOfOffersDeliversEveryMessageOnceAndInOrder(String dialect) throws Exception {
        try (BenchTarget target = BenchTarget.start(dialect)) {
            assertExactlyOnceInOrder(relay(target, Payload.OFFER, OFFERS), OFFERS);
        }
    }

    private static Map<String, Object> relay(BenchTarget target, Payload payload, long messages)
            throws InterruptedException {
        BenchSettings settings = target.settings()
                .pairs(PAIRS)
                .window(4)
                .payload(payload)
                .messages(messages)
                .build();
        return new RelayRun(settings).run().values();
    }

    private static void assertExactlyOnceInOrder(Map<String, Object> values, long messages) {
        assertEquals(PAIRS * messages, values.get("sent"), "sent");
        assertEquals(PAIRS * messages, values.get("received"), "received");
        assertEquals(0L, values.get("duplicates"), "duplicates");
        assertEquals(0L, values.get("outOfOrder"), "out of order");
        assertEquals(0L, values.get("errors"), "errors");
    }
}
