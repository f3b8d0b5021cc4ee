package io.switchboard.server.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServerMemoryTest {
    private static final String G1 =
            """
            12345:
             garbage-first heap   total 397312K, used 35029K [0x0000000687400000, 0x0000000800000000)
              region size 4096K, 7 young (28672K), 1 survivors (4096K)
             Metaspace       used 17657K, committed 18048K, reserved 1114112K
              class space    used 2085K, committed 2240K, reserved 1048576K
            """;
    private static final String PARALLEL =
            """
             PSYoungGen      total 113152K, used 19456K [0x0000000782700000, 0x000000078a500000)
              eden space 97280K, 20% used [0x0000000782700000,0x0000000783a00240,0x0000000788600000)
              from space 15872K, 0% used [0x0000000789580000,0x0000000789580000,0x000000078a500000)
              to   space 15872K, 0% used [0x0000000788600000,0x0000000788600000,0x0000000789580000)
             ParOldGen       total 258048K, used 100K [0x0000000687400000, 0x0000000697000000)
              object space 258048K, 0% used [0x0000000687400000,0x0000000687400000,0x0000000697000000)
             Metaspace       used 8935K, committed 9088K, reserved 1114112K
              class space    used 1062K, committed 1152K, reserved 1048576K
            """;
    private static final String ZGC =
            """
             ZHeap           used 52M, capacity 378M, max capacity 6028M
             Metaspace       used 8938K, committed 9088K, reserved 1114112K
              class space    used 1062K, committed 1152K, reserved 1048576K
            """;

    @Test
    void heapInUseIsReadFromEachCollectorsHeapInfoWithoutMetaspace() throws IOException {
        assertEquals(35029L * 1024, ServerMemory.heapUsedBytes(G1));
        assertEquals((19456L + 100) * 1024, ServerMemory.heapUsedBytes(PARALLEL));
        assertEquals(52L * 1024 * 1024, ServerMemory.heapUsedBytes(ZGC));
    }

    @Test
    void heapInfoWithoutFiguresIsAnError() {
        assertThrows(IOException.class, () -> ServerMemory.heapUsedBytes("12345:\nCould not attach\n"));
    }

    @Test
    void rssIsReadFromProcStatusInBytes() throws IOException {
        String status = "Name:\tjava\nVmPeak:\t 9999 kB\nVmRSS:\t  123456 kB\nRssAnon:\t 1 kB\n";

        assertEquals(123456L * 1024, ServerMemory.rssBytes(status));
    }

    @Test
    void metricsUriIsTheHttpFormOfTheBenchUrl() {
        assertEquals(
                URI.create("http://127.0.0.1:8080/metrics"),
                ServerMemory.metricsUri(URI.create("ws://127.0.0.1:8080/")));
        assertEquals(
                URI.create("http://127.0.0.1:3001/metrics"),
                ServerMemory.metricsUri(URI.create("http://127.0.0.1:3001")));
        assertEquals(URI.create("https://h:443/metrics"), ServerMemory.metricsUri(URI.create("wss://h:443/x")));
    }

    @Test
    void bytesPerConnectionIsTheLeastSquaresSlope() {
        List<MemorySample> samples = List.of(
                new MemorySample(1000, 50_000_000 + 500_000, 0, -1),
                new MemorySample(2000, 50_000_000 + 1_000_000 + 300, 0, -1),
                new MemorySample(3000, 50_000_000 + 1_500_000, 0, -1));

        // 500 B per connection on a 50 MB base; the middle point's +300 moves the line, not the slope
        assertEquals(500.0, MemorySample.bytesPerConnection(samples, MemorySample::rssBytes), 1e-9);
        assertTrue(Double.isNaN(MemorySample.bytesPerConnection(samples.subList(0, 1), MemorySample::rssBytes)));
    }

    @Test
    void samplesAreTakenAtOneThousandTheTotalAndThreePointsBetween() {
        assertEquals(Set.of(1000, 3250, 5500, 7750, 10000), ConnectRun.samplePoints(10_000));
        assertEquals(Set.of(20, 25, 30, 35, 40), ConnectRun.samplePoints(40));
        assertEquals(Set.of(1), ConnectRun.samplePoints(1));
    }
}
