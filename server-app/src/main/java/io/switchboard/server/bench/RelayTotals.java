package io.switchboard.server.bench;

import org.HdrHistogram.Histogram;

/** The sum of every pair's counters and latencies; filled on one thread after the pairs stopped. */
final class RelayTotals {
    final Histogram latency = RelayRun.newHistogram();
    long sent;
    long received;
    long measured;
    long duplicates;
    long outOfOrder;
    long errors;

    @SuppressWarnings("ParameterNumber") // one call per pair; a record per call would only repeat the names
    void add(long s, long r, long m, long dup, long ooo, long err, Histogram h) {
        sent += s;
        received += r;
        measured += m;
        duplicates += dup;
        outOfOrder += ooo;
        errors += err;
        latency.add(h);
    }
}
