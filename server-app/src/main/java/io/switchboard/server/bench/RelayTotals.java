package io.switchboard.server.bench;

import org.HdrHistogram.Histogram;

/** The sum of every pair's counters and latencies; filled on one thread after the pairs stopped. */
final class RelayTotals {
    final Histogram latency = RelayRun.newHistogram();
    /** Open loop: how late each measured message left the bench, after its due time (µs). */
    final Histogram sendLateness = RelayRun.newHistogram();
    /** Open loop: latency from when each measured message actually left the bench, not from its due time (µs). */
    final Histogram fromSend = RelayRun.newHistogram();
    /** Open loop: the messages the schedules had (sent or not). */
    long planned;
    /** Open loop: the {@link System#nanoTime} of the last message received, or 0. */
    long lastReceive;

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

    /**
     * Adds an open-loop pair's schedule: its planned messages, the time its last message arrived, how late its
     * messages left, and their latency from when they left.
     */
    void addPlanned(long plannedMessages, long lastReceiveNanos, Histogram lateness, Histogram latencyFromSend) {
        planned += plannedMessages;
        sendLateness.add(lateness);
        fromSend.add(latencyFromSend);
        if (lastReceiveNanos != 0 && (lastReceive == 0 || lastReceiveNanos - lastReceive > 0)) {
            lastReceive = lastReceiveNanos;
        }
    }
}
