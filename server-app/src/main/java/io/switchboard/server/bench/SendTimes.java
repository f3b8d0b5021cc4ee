package io.switchboard.server.bench;

/**
 * When each of one pair's messages actually left, by sequence number, kept until it arrives: a ring that grows with
 * the messages in flight, so a stalled server costs memory in proportion to what it holds back, and no message's time
 * is ever overwritten. Sequence numbers are sent in order from 0; one event loop uses it.
 */
final class SendTimes {
    private static final int INITIAL_CAPACITY = 64;

    private long[] times = new long[INITIAL_CAPACITY];
    private long oldest; // the lowest sequence number still kept
    private long next; // the sequence number the next record() gets

    /** Records that message {@code seq}, the next in order, left at {@code nanos}. */
    void record(long seq, long nanos) {
        if (seq != next) {
            throw new IllegalStateException("seq " + seq + " out of order (expected " + next + ")");
        }
        if (next - oldest == times.length) {
            grow();
        }
        times[index(seq)] = nanos;
        next++;
    }

    /**
     * The time message {@code seq} left, or -1 if it was never recorded; forgets it and every earlier message
     * (messages arrive in order, so an earlier one that has not arrived was lost).
     */
    long take(long seq) {
        if (seq < oldest || seq >= next) {
            return -1;
        }
        long nanos = times[index(seq)];
        oldest = seq + 1;
        return nanos;
    }

    private void grow() {
        long[] bigger = new long[times.length * 2];
        for (long s = oldest; s < next; s++) {
            bigger[(int) (s & (bigger.length - 1))] = times[index(s)];
        }
        times = bigger;
    }

    private int index(long seq) {
        return (int) (seq & (times.length - 1));
    }
}
