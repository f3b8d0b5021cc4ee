package io.switchboard.server.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectBenchTest {
    @ParameterizedTest
    @ValueSource(strings = {"dropsilk", "privydrop", "reference"})
    void everyConnectionIsGreetedHeldAndClosedWithoutFailures(String dialect) throws Exception {
        try (BenchTarget target = BenchTarget.start(dialect)) {
            BenchReport report = connect(target, 20, 0);

            Map<String, Object> values = report.values();
            assertEquals(20L, values.get("succeeded"), values.toString());
            assertEquals(0L, values.get("failed"), values.toString());
            assertEquals(0L, values.get("dropped"), values.toString());
            assertEquals(20L, values.get("openAtEnd"), values.toString());
            assertFalse(report.failed(), values.toString());
        }
    }

    @Test
    void aConnectionCapBelowTheCountIsCountedAs503Refusals() throws Exception {
        try (BenchTarget target = BenchTarget.start("dropsilk", b -> b.maxConnections(3))) {
            BenchReport report = connect(target, 6, 0);

            Map<String, Object> values = report.values();
            assertEquals(3L, values.get("succeeded"), values.toString());
            assertEquals(3L, values.get("failed"), values.toString());
            assertEquals(Map.of("503", 3L), values.get("failedByStatus"), values.toString());
            assertEquals(0L, values.get("failedOther"), values.toString());
            assertTrue(report.failed(), values.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dropsilk", "reference"})
    void withTheServerPidMemoryIsSampledFiveTimesAndReportedPerConnection(String dialect) throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "needs /proc");
        assumeTrue(Files.isExecutable(Path.of(System.getProperty("java.home"), "bin", "jcmd")), "needs jcmd");
        try (BenchTarget target = BenchTarget.start(dialect)) {
            // the server runs in this JVM, so this is its pid
            BenchReport report = connect(target, 40, ProcessHandle.current().pid());

            Map<String, Object> values = report.values();
            assertFalse(values.containsKey("memoryError"), values.toString());
            assertFalse(values.containsKey("directMemory"), values.toString()); // the gauge was found
            assertEquals(5, ((Map<?, ?>) values.get("memorySamples")).size(), values.toString());
            assertTrue(values.get("rssBytesPerConnection") instanceof Long, values.toString());
            assertTrue(values.get("heapDirectBytesPerConnection") instanceof Long, values.toString());
            assertFalse(report.failed(), values.toString());
        }
    }

    private static BenchReport connect(BenchTarget target, int connections, long pid) throws InterruptedException {
        BenchSettings settings = target.settings()
                .sourceAddresses(2)
                .connect(new BenchSettings.ConnectSettings(connections, 0, Duration.ZERO, pid))
                .build();
        return new ConnectRun(settings).run();
    }
}
