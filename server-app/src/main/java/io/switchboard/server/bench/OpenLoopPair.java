package io.switchboard.server.bench;

import io.netty.util.concurrent.ScheduledFuture;
import io.switchboard.core.Nullable;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * One host and guest in the open loop: the host sends on a fixed schedule whatever the guest receives. With a total
 * rate R over P pairs, pair {@code i}'s message {@code k} is due at {@code start + (i + k P) / R}, so the pairs'
 * sends interleave evenly. Each message carries its due time, not the time it left, and latency is measured from it:
 * when the server (or the connection) is slow, the wait before sending counts too (no coordinated omission). Each
 * wake-up sends every message that is due while the host's connection is writable and then arms a one-shot timer for
 * the exact due time of the next message; a message that cannot be sent stays due and is retried shortly. (A
 * fixed-rate ticker, which this replaced, woke out of phase with the due times, so each message waited up to a whole
 * tick before it left: at 100 pairs and 20,000 messages/s that put a ~3 ms floor under every percentile, the bare
 * reference relay's included.) Messages still unsent when the run ends are reported as unsent, and how late each
 * message left after its due time is recorded too: that part of the latency is the bench's own (its timer's slack,
 * its event loop's wake-up, its core being busy). The latency from when each message actually left is recorded
 * beside it ({@link SendTimes}), for the server's and the network's part alone. Both peers share an event loop, on
 * which every method runs.
 */
final class OpenLoopPair implements RelayLoop {
    private static final long UNWRITABLE_RETRY_NANOS = TimeUnit.MICROSECONDS.toNanos(100);
    private static final int MAX_SENDS_PER_WAKE_UP = 4096;

    private final Peer host;
    private final Peer guest;
    private final RelayRun run;
    private final long start;
    private final double firstSlot;
    private final double nanosPerOwnMessage;
    private final long planned;
    private final Histogram histogram = RelayRun.newHistogram();
    private final Histogram lateness = RelayRun.newHistogram();
    private final Histogram fromSend = RelayRun.newHistogram();
    private final SendTimes sendTimes = new SendTimes();
    private final SequenceCheck sequence = new SequenceCheck();
    private @Nullable ScheduledFuture<?> ticker;
    private long nextSeq;
    private long measured;
    private long errors;
    private long lastReceive;
    private boolean done;

    /**
     * Schedules pair {@code index} of {@code run}: messages due from {@code start} until the run's horizon (or its
     * {@code --messages}).
     */
    OpenLoopPair(Peer host, Peer guest, RelayRun run, int index, long start) {
        this.host = host;
        this.guest = guest;
        this.run = run;
        this.start = start;
        BenchSettings s = run.settings();
        double nanosPerMessage = 1e9 / s.rate();
        this.firstSlot = index * nanosPerMessage;
        this.nanosPerOwnMessage = nanosPerMessage * s.pairs();
        double slots = run.horizonNanos() / nanosPerMessage;
        long byTime = (long) Math.max(0, Math.ceil((slots - index) / s.pairs()));
        this.planned = s.messages() > 0 ? Math.min(byTime, s.messages()) : byTime;
    }

    @Override
    public void start() {
        guest.listen(this);
        host.listen(this);
        if (planned == 0) {
            finish();
            return;
        }
        armFor(System.nanoTime(), dueAt(0));
    }

    @Override
    public void text(String text) {
        long now = System.nanoTime();
        long seq = RelayPair.longField(text, "\"benchSeq\":");
        long due = RelayPair.longField(text, "\"benchSentNs\":");
        if (seq < 0) {
            return; // a list update or other chatter
        }
        sequence.record(seq);
        lastReceive = now;
        long left = sendTimes.take(seq);
        if (due - run.measureFrom() >= 0) {
            histogram.recordValue(Math.min(Math.max(0, (now - due) / 1000), RelayRun.MAX_MICROS));
            if (left != -1) {
                fromSend.recordValue(Math.min(Math.max(0, (now - left) / 1000), RelayRun.MAX_MICROS));
            }
            measured++;
        }
        if (sequence.received() >= planned) {
            finish();
        }
    }

    @Override
    public void error(String text) {
        errors++;
    }

    @Override
    public void closed() {
        if (run.sending()) {
            errors++;
            stopTicking();
        }
    }

    @Override
    public void addTo(RelayTotals total) {
        stopTicking();
        total.add(
                nextSeq,
                sequence.received(),
                measured,
                sequence.duplicates(),
                sequence.outOfOrder(),
                errors,
                histogram);
        total.addPlanned(planned, lastReceive, lateness, fromSend);
    }

    @Override
    public Peer host() {
        return host;
    }

    @Override
    public Peer guest() {
        return guest;
    }

    private void tick() {
        ticker = null;
        long now = System.nanoTime();
        int sent = 0;
        while (nextSeq < planned
                && dueAt(nextSeq) - now <= 0
                && sent < MAX_SENDS_PER_WAKE_UP
                && run.sending()
                && host.channel().isWritable()) {
            long seq = nextSeq++;
            long due = dueAt(seq);
            String text =
                    run.settings().dialect().signal(host, guest, run.settings().payload(), seq, due);
            long left = System.nanoTime();
            if (due - run.measureFrom() >= 0) {
                lateness.recordValue(Math.min((left - due) / 1000, RelayRun.MAX_MICROS));
            }
            sendTimes.record(seq, left);
            host.send(text);
            sent++;
        }
        if (nextSeq >= planned || !run.sending() || !host.channel().isActive()) {
            return;
        }
        long due = dueAt(nextSeq);
        if (due - now <= 0) {
            // still behind: not writable, or the per-wake-up cap was reached
            armFor(now, now + (host.channel().isWritable() ? 0 : UNWRITABLE_RETRY_NANOS));
        } else {
            armFor(now, due);
        }
    }

    /** Arms the one-shot timer to run {@link #tick} at {@code at} (nanoTime), or at once if that has passed. */
    private void armFor(long now, long at) {
        ticker = host.channel().eventLoop().schedule(this::tick, Math.max(0, at - now), TimeUnit.NANOSECONDS);
    }

    private long dueAt(long seq) {
        return start + (long) (firstSlot + seq * nanosPerOwnMessage);
    }

    private void stopTicking() {
        ScheduledFuture<?> t = ticker;
        if (t != null) {
            t.cancel(false);
            ticker = null;
        }
    }

    private void finish() {
        if (!done) {
            done = true;
            run.pairDone();
        }
    }
}
