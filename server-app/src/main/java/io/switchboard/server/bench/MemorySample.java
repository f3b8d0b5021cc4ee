package io.switchboard.server.bench;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The server's memory with {@code connections} open: its resident set, and after a full GC its heap in use and the
 * direct memory Netty holds.
 *
 * @param connections the bench's open connections when sampled
 * @param rssBytes {@code VmRSS} of the server process
 * @param heapBytes heap in use after {@code jcmd GC.run}
 * @param directBytes {@code switchboard_netty_direct_memory_bytes} from the server's {@code /metrics}, or -1 unknown
 */
record MemorySample(long connections, long rssBytes, long heapBytes, long directBytes) {

    /** Heap and direct memory together; the heap alone when direct memory is unknown. */
    long heapAndDirectBytes() {
        return heapBytes + Math.max(0, directBytes);
    }

    /**
     * The least-squares slope of {@code bytes} over connections: the memory each further connection costs. NaN with
     * fewer than two distinct connection counts.
     */
    static double bytesPerConnection(List<MemorySample> samples, ToLongFunction<MemorySample> bytes) {
        int n = samples.size();
        double meanX =
                samples.stream().mapToLong(MemorySample::connections).average().orElse(0);
        double meanY = samples.stream().mapToLong(bytes).average().orElse(0);
        double covariance = 0;
        double variance = 0;
        for (MemorySample s : samples) {
            double dx = s.connections() - meanX;
            covariance += dx * (bytes.applyAsLong(s) - meanY);
            variance += dx * dx;
        }
        return n < 2 || variance == 0 ? Double.NaN : covariance / variance;
    }
}
