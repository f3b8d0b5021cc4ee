package io.switchboard.server.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.HdrHistogram.Histogram;

/**
 * The relay scenario: sets up every pair (at most {@value #SETUP_CONCURRENCY} at a time), runs the closed loop for the
 * warmup and the duration (or until every pair relayed {@code --messages}), then sums what the pairs saw. The run
 * state the pairs read ({@link #sending()}, {@link #measuring()}) is volatile; the rest is read on their event loops.
 */
final class RelayRun {
    /** The largest latency recorded, 60 s in microseconds; longer ones are recorded as this. */
    static final long MAX_MICROS = 60_000_000L;

    private static final int SETUP_CONCURRENCY = 64;
    private static final int SIGNIFICANT_DIGITS = 3;

    private final BenchSettings settings;
    private final CountDownLatch pairsDone;
    private volatile boolean sending = true;
    private volatile boolean measuring = true;
    private volatile long measureFrom;

    RelayRun(BenchSettings settings) {
        this.settings = settings;
        this.pairsDone = new CountDownLatch(settings.pairs());
    }

    /** A latency histogram in microseconds, 3 significant digits. */
    static Histogram newHistogram() {
        return new Histogram(MAX_MICROS, SIGNIFICANT_DIGITS);
    }

    /** Runs the scenario; throws {@link SetupException} when a pair cannot be set up. */
    BenchReport run() throws InterruptedException {
        try (BenchClient client = new BenchClient(settings, settings.dialect())) {
            long setupStart = System.nanoTime();
            List<RelayPair> pairs = setUp(client);
            long setupNanos = System.nanoTime() - setupStart;
            long start = System.nanoTime();
            measureFrom = start + settings.warmup().toNanos();
            for (RelayPair pair : pairs) {
                pair.host().channel().eventLoop().execute(pair::start);
            }
            awaitWarmup();
            CpuClock cpu = CpuClock.start();
            long deadline = settings.messages() > 0
                    ? start + settings.duration().toNanos()
                    : measureFrom + settings.duration().toNanos();
            pairsDone.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            measuring = false;
            sending = false;
            long wallNanos = System.nanoTime() - Math.max(measureFrom, start);
            double cpuShare = cpu.share();
            RelayTotals totals = collect(pairs);
            for (RelayPair pair : pairs) {
                pair.host().close();
                pair.guest().close();
            }
            return BenchReport.relay(settings, setupNanos, wallNanos, cpuShare, totals);
        }
    }

    /** The settings. */
    BenchSettings settings() {
        return settings;
    }

    /** Whether hosts still send. */
    boolean sending() {
        return sending;
    }

    /** Whether latencies received at or after {@link #measureFrom()} are recorded. */
    boolean measuring() {
        return measuring;
    }

    /** The {@link System#nanoTime} at which the warmup ends. */
    long measureFrom() {
        return measureFrom;
    }

    /** Called once by each pair that relayed all its {@code --messages}. */
    void pairDone() {
        pairsDone.countDown();
    }

    private List<RelayPair> setUp(BenchClient client) throws InterruptedException {
        Semaphore slots = new Semaphore(SETUP_CONCURRENCY);
        List<CompletableFuture<RelayPair>> setups = new ArrayList<>();
        for (int i = 0; i < settings.pairs(); i++) {
            slots.acquire();
            CompletableFuture<RelayPair> setup = client.connectPair(i)
                    .thenCompose(peers -> settings.dialect()
                            .pairUp(peers.get(0), peers.get(1))
                            .thenApply(ok -> new RelayPair(peers.get(0), peers.get(1), this)))
                    .orTimeout(60, TimeUnit.SECONDS);
            setup.whenComplete((pair, error) -> slots.release());
            setups.add(setup);
        }
        List<RelayPair> pairs = new ArrayList<>();
        for (CompletableFuture<RelayPair> setup : setups) {
            try {
                pairs.add(setup.get());
            } catch (ExecutionException e) {
                throw new SetupException("pair " + pairs.size() + " could not be set up: " + e.getCause(), e);
            }
        }
        return pairs;
    }

    private void awaitWarmup() throws InterruptedException {
        long warmupLeft = measureFrom - System.nanoTime();
        if (warmupLeft > 0 && settings.messages() > 0) {
            pairsDone.await(warmupLeft, TimeUnit.NANOSECONDS);
        } else if (warmupLeft > 0) {
            TimeUnit.NANOSECONDS.sleep(warmupLeft);
        }
    }

    private static RelayTotals collect(List<RelayPair> pairs) throws InterruptedException {
        RelayTotals totals = new RelayTotals();
        for (RelayPair pair : pairs) {
            try {
                pair.host()
                        .channel()
                        .eventLoop()
                        .submit(() -> pair.addTo(totals))
                        .get(10, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                totals.errors++;
            }
        }
        return totals;
    }
}
