package io.switchboard.server.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The session scenario: {@code --pairs} concurrent loops, each repeating a whole session until the warmup and the
 * duration are over: two peers connect and are greeted, meet (flight or room), negotiate ({@link SessionExchange}) and
 * close. Sessions started after the warmup are measured, from the first connect to both closes; a loop starts no
 * session after the duration but finishes the one it is in, and the rate is taken over the time until the last one
 * ended. Errors are counted whenever they happen. Thread-safe.
 */
final class SessionRun {
    private static final long SESSION_TIMEOUT_SECONDS = 60;

    private final BenchSettings settings;
    private final AtomicLong sessions = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong outOfOrder = new AtomicLong();
    private final AtomicLong lastEnd = new AtomicLong();
    private final Histogram sessionMicros = new ConcurrentHistogram(RelayRun.MAX_MICROS, 3);
    private final CountDownLatch loopsDone;
    private volatile boolean starting = true;
    private volatile long measureFrom;

    SessionRun(BenchSettings settings) {
        this.settings = settings;
        this.loopsDone = new CountDownLatch(settings.pairs());
    }

    /** Runs the scenario. */
    BenchReport run() throws InterruptedException {
        try (BenchClient client = new BenchClient(settings, settings.dialect())) {
            long start = System.nanoTime();
            measureFrom = start + settings.warmup().toNanos();
            lastEnd.set(measureFrom);
            for (int i = 0; i < settings.pairs(); i++) {
                session(client, i);
            }
            TimeUnit.NANOSECONDS.sleep(Math.max(0, measureFrom - System.nanoTime()));
            CpuClock cpu = CpuClock.start(settings.connect().serverPid());
            TimeUnit.NANOSECONDS.sleep(settings.duration().toNanos());
            starting = false;
            boolean finished = loopsDone.await(SESSION_TIMEOUT_SECONDS + 10, TimeUnit.SECONDS);
            double cpuShare = cpu.share();
            double serverShare = cpu.serverShare();
            long wallNanos =
                    Math.max(lastEnd.get(), measureFrom + settings.duration().toNanos()) - measureFrom;
            SessionTotals totals = new SessionTotals(
                    sessions.get(),
                    errors.get() + (finished ? 0 : loopsDone.getCount()),
                    duplicates.get(),
                    outOfOrder.get(),
                    sessionMicros);
            return BenchReport.session(settings, wallNanos, cpuShare, totals)
                    .withServerCpu(serverShare, "sessionsPerSecond");
        }
    }

    private void session(BenchClient client, int index) {
        if (!starting) {
            loopsDone.countDown();
            return;
        }
        long begin = System.nanoTime();
        BenchProtocol dialect = settings.dialect();
        client.connectPair(index)
                .thenCompose(pair -> Peer.closeAfter(
                        dialect.pairUp(pair.get(0), pair.get(1))
                                .thenCompose(met -> new SessionExchange(dialect, pair.get(0), pair.get(1)).run())
                                .thenAccept(this::addChecks),
                        pair))
                .orTimeout(SESSION_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .whenComplete((ok, error) -> {
                    long end = System.nanoTime();
                    if (error != null) {
                        errors.incrementAndGet();
                    } else if (begin - measureFrom >= 0) {
                        sessions.incrementAndGet();
                        sessionMicros.recordValue(Math.min((end - begin) / 1000, RelayRun.MAX_MICROS));
                        lastEnd.accumulateAndGet(end, Math::max);
                    }
                    session(client, index);
                });
    }

    private void addChecks(SessionExchange.Checks checks) {
        duplicates.addAndGet(checks.duplicates());
        outOfOrder.addAndGet(checks.outOfOrder());
    }

    /**
     * What the measured sessions added up to.
     *
     * @param sessions sessions completed
     * @param errors sessions that failed (at any time, warmup included)
     * @param duplicates signals received twice
     * @param outOfOrder signals received out of order
     * @param latency the duration of each measured session in microseconds
     */
    record SessionTotals(long sessions, long errors, long duplicates, long outOfOrder, Histogram latency) {}
}
