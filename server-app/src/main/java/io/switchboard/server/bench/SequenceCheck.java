package io.switchboard.server.bench;

import java.util.BitSet;

/**
 * Checks that sequence numbers 0, 1, 2, … arrive exactly once and in order, and counts those that do not. Not
 * thread-safe: one receiver's event loop uses it.
 */
final class SequenceCheck {
    private final BitSet seen = new BitSet();
    private long lastSeq = -1;
    private long received;
    private long duplicates;
    private long outOfOrder;

    /**
     * Records the arrival of {@code seq}.
     *
     * @return true when it is the first arrival of {@code seq}
     */
    boolean record(long seq) {
        boolean fresh = !seen.get((int) seq);
        if (fresh) {
            seen.set((int) seq);
            received++;
        } else {
            duplicates++;
        }
        if (seq != lastSeq + 1) {
            outOfOrder++;
        }
        lastSeq = Math.max(lastSeq, seq);
        return fresh;
    }

    /** Distinct sequence numbers received. */
    long received() {
        return received;
    }

    /** Arrivals of a sequence number already received. */
    long duplicates() {
        return duplicates;
    }

    /** Arrivals that did not follow the highest sequence number so far. */
    long outOfOrder() {
        return outOfOrder;
    }
}
