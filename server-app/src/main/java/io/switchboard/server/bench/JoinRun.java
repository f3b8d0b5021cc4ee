package io.switchboard.server.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The join scenario: {@code --pairs} concurrent loops, each repeating the dialect's {@link BenchProtocol#joinCycle} (connect,
 * create or join, close) until the warmup and the duration are over. Cycles that end after the warmup are counted,
 * with their duration in a histogram. Thread-safe.
 */
final class JoinRun {
    private final BenchSettings settings;
    private final AtomicLong cycles = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final Histogram cycleMicros = new ConcurrentHistogram(RelayRun.MAX_MICROS, 3);
    private final CountDownLatch loopsDone;
    private volatile boolean running = true;
    private volatile long measureFrom;

    JoinRun(BenchSettings settings) {
        this.settings = settings;
        this.loopsDone = new CountDownLatch(settings.pairs());
    }

    /** Runs the scenario. */
    BenchReport run() throws InterruptedException {
        try (BenchClient client = new BenchClient(settings, settings.dialect())) {
            long start = System.nanoTime();
            measureFrom = start + settings.warmup().toNanos();
            for (int i = 0; i < settings.pairs(); i++) {
                cycle(client, i);
            }
            TimeUnit.NANOSECONDS.sleep(Math.max(0, measureFrom - System.nanoTime()));
            CpuClock cpu = CpuClock.start(settings.connect().serverPid());
            TimeUnit.NANOSECONDS.sleep(settings.duration().toNanos());
            running = false;
            long wallNanos = System.nanoTime() - measureFrom;
            double cpuShare = cpu.share();
            double serverShare = cpu.serverShare();
            loopsDone.await(30, TimeUnit.SECONDS);
            return BenchReport.join(settings, wallNanos, cpuShare, cycles.get(), errors.get(), cycleMicros)
                    .withServerCpu(serverShare, "cyclesPerSecond");
        }
    }

    private void cycle(BenchClient client, int index) {
        if (!running) {
            loopsDone.countDown();
            return;
        }
        long begin = System.nanoTime();
        settings.dialect()
                .joinCycle(client, index)
                .orTimeout(30, TimeUnit.SECONDS)
                .whenComplete((ok, error) -> {
                    long end = System.nanoTime();
                    if (end - measureFrom >= 0 && running) {
                        if (error == null) {
                            cycles.incrementAndGet();
                            cycleMicros.recordValue(Math.min((end - begin) / 1000, RelayRun.MAX_MICROS));
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                    cycle(client, index);
                });
    }
}
