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
 * The relay scenario: sets up every pair (at most {@value #SETUP_CONCURRENCY} at a time), runs the closed loop ({@link
 * RelayPair}) for the warmup and the duration (or until every pair relayed {@code --messages}), then sums what the
 * pairs saw. With {@code --rate} the pairs run the open loop instead ({@link OpenLoopPair}): their schedules cover the
 * warmup and the duration, and the run then waits up to {@value #DRAIN_SECONDS} s for the messages in flight, so
 * that whatever has not arrived by then is lost. The run state the pairs read ({@link #sending()}, {@link
 * #measuring()}) is volatile; the rest is read on their event loops.
 */
final class RelayRun {
    /** The largest latency recorded, 60 s in microseconds; longer ones are recorded as this. */
    static final long MAX_MICROS = 60_000_000L;

    private static final int SETUP_CONCURRENCY = 64;
    private static final long DRAIN_SECONDS = 10;
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
            List<List<Peer>> peers = setUp(client);
            long setupNanos = System.nanoTime() - setupStart;
            long start = System.nanoTime();
            measureFrom = start + settings.warmup().toNanos();
            List<RelayLoop> pairs = new ArrayList<>();
            for (int i = 0; i < peers.size(); i++) {
                Peer host = peers.get(i).get(0);
                Peer guest = peers.get(i).get(1);
                pairs.add(
                        openLoop() ? new OpenLoopPair(host, guest, this, i, start) : new RelayPair(host, guest, this));
            }
            for (RelayLoop pair : pairs) {
                pair.host().channel().eventLoop().execute(pair::start);
            }
            awaitWarmup();
            CpuClock cpu = CpuClock.start(settings.connect().serverPid());
            long deadline = openLoop()
                    ? start + horizonNanos() + TimeUnit.SECONDS.toNanos(DRAIN_SECONDS)
                    : settings.messages() > 0
                            ? start + horizonNanos()
                            : measureFrom + settings.duration().toNanos();
            pairsDone.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            measuring = false;
            sending = false;
            long wallNanos = System.nanoTime() - Math.max(measureFrom, start);
            double cpuShare = cpu.share();
            double serverShare = cpu.serverShare();
            RelayTotals totals = collect(pairs);
            if (openLoop()) {
                long scheduleEnd = settings.messages() > 0 ? measureFrom : start + horizonNanos();
                wallNanos = Math.max(totals.lastReceive, scheduleEnd) - measureFrom;
            }
            for (RelayLoop pair : pairs) {
                pair.host().close();
                pair.guest().close();
            }
            return BenchReport.relay(settings, setupNanos, wallNanos, cpuShare, totals)
                    .withServerCpu(serverShare, "messagesPerSecond");
        }
    }

    /** The settings. */
    BenchSettings settings() {
        return settings;
    }

    /** Whether the pairs run the open loop ({@code --rate}). */
    boolean openLoop() {
        return settings.rate() > 0;
    }

    /**
     * How long after the start hosts may send: the warmup and the duration, or with {@code --messages} the duration
     * alone (the limit on the whole run).
     */
    long horizonNanos() {
        return settings.messages() > 0
                ? settings.duration().toNanos()
                : settings.warmup().toNanos() + settings.duration().toNanos();
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

    /** Called once by each pair that relayed all its {@code --messages} (open loop: all its scheduled messages). */
    void pairDone() {
        pairsDone.countDown();
    }

    private List<List<Peer>> setUp(BenchClient client) throws InterruptedException {
        Semaphore slots = new Semaphore(SETUP_CONCURRENCY);
        List<CompletableFuture<List<Peer>>> setups = new ArrayList<>();
        for (int i = 0; i < settings.pairs(); i++) {
            slots.acquire();
            CompletableFuture<List<Peer>> setup = client.connectPair(i)
                    .thenCompose(peers -> settings.dialect()
                            .pairUp(peers.get(0), peers.get(1))
                            .thenApply(ok -> peers))
                    .orTimeout(60, TimeUnit.SECONDS);
            setup.whenComplete((pair, error) -> slots.release());
            setups.add(setup);
        }
        List<List<Peer>> pairs = new ArrayList<>();
        for (CompletableFuture<List<Peer>> setup : setups) {
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

    private static RelayTotals collect(List<RelayLoop> pairs) throws InterruptedException {
        RelayTotals totals = new RelayTotals();
        for (RelayLoop pair : pairs) {
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
