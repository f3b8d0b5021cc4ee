package io.switchboard.server.bench;

import org.HdrHistogram.Histogram;

/**
 * One host and guest in the closed loop: the host keeps {@code window} signals in flight, and sends one more for each
 * the guest receives. The guest checks that each sequence number arrives once and in order, and records the latency
 * of those received after the warmup. Both peers share an event loop, on which every method runs.
 */
final class RelayPair implements RelayLoop {
    private final Peer host;
    private final Peer guest;
    private final RelayRun run;
    private final Histogram histogram = RelayRun.newHistogram();
    private final SequenceCheck sequence = new SequenceCheck();
    private long nextSeq;
    private long measured;
    private long errors;
    private boolean done;

    RelayPair(Peer host, Peer guest, RelayRun run) {
        this.host = host;
        this.guest = guest;
        this.run = run;
    }

    /** Starts the loop: listens on both peers and sends the first window. */
    @Override
    public void start() {
        guest.listen(this);
        host.listen(this);
        for (int i = 0; i < run.settings().window(); i++) {
            sendOne();
        }
        if (run.settings().messages() == 0 && run.settings().window() == 0) {
            finish();
        }
    }

    @Override
    public void text(String text) {
        long now = System.nanoTime();
        long seq = longField(text, "\"benchSeq\":");
        long sent = longField(text, "\"benchSentNs\":");
        if (seq < 0) {
            return; // a list update or other chatter
        }
        sequence.record(seq);
        if (now - run.measureFrom() >= 0 && run.measuring()) {
            histogram.recordValue(Math.min(Math.max(0, (now - sent) / 1000), RelayRun.MAX_MICROS));
            measured++;
        }
        long limit = run.settings().messages();
        if (limit > 0 && sequence.received() >= limit) {
            finish();
        }
        sendOne();
    }

    @Override
    public void error(String text) {
        errors++;
    }

    @Override
    public void closed() {
        if (run.sending()) {
            errors++;
        }
    }

    @Override
    public void addTo(RelayTotals total) {
        total.add(
                nextSeq,
                sequence.received(),
                measured,
                sequence.duplicates(),
                sequence.outOfOrder(),
                errors,
                histogram);
    }

    @Override
    public Peer host() {
        return host;
    }

    @Override
    public Peer guest() {
        return guest;
    }

    private void sendOne() {
        long limit = run.settings().messages();
        if (!run.sending() || (limit > 0 && nextSeq >= limit)) {
            return;
        }
        Payload payload = run.settings().payload();
        host.send(run.settings().dialect().signal(host, guest, payload, nextSeq++, System.nanoTime()));
    }

    private void finish() {
        if (!done) {
            done = true;
            run.pairDone();
        }
    }

    /** The non-negative integer after {@code key} (optional spaces, an optional minus), or -1 without the key. */
    static long longField(String text, String key) {
        int at = text.lastIndexOf(key);
        if (at < 0) {
            return -1;
        }
        int i = at + key.length();
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        boolean negative = i < text.length() && text.charAt(i) == '-';
        if (negative) {
            i++;
        }
        long value = 0;
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
            value = value * 10 + (text.charAt(i++) - '0');
        }
        return negative ? -value : value;
    }
}
