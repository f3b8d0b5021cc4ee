package io.switchboard.server.bench;

import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import io.switchboard.core.Nullable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The connect scenario: opens {@code --connections} idle connections, each greeted as its dialect greets (DropSilk
 * {@code registered}, PrivyDrop's Engine.IO open and Socket.IO connect, the reference relay's upgrade), at {@code
 * --ramp-rate} a second or as fast as {@value #MAX_IN_FLIGHT} handshakes in flight allow; holds them for {@code
 * --hold}, then closes them. Failed handshakes are counted by HTTP status (a 503 from the server's connection cap) or
 * as other failures; connections the server closes while held are counted as dropped. With {@code --server-pid} the
 * server's memory is sampled at 1,000 connections (half of them below 2,000), at the total and at three points
 * between, each once the handshakes in flight have finished, and the report gives the bytes each connection costs
 * (least-squares slope); the time sampling takes is left out of the ramp's rate. Thread-safe.
 */
final class ConnectRun {
    private static final int MAX_IN_FLIGHT = 256;
    private static final int SAMPLE_POINTS = 5;
    private static final int FIRST_SAMPLE = 1000;

    private final BenchSettings settings;
    private final AtomicLong succeeded = new AtomicLong();
    private final AtomicLong failedOther = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Map<Integer, LongAdder> failedByStatus = new ConcurrentHashMap<>();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();
    private final Histogram handshakeMicros = new ConcurrentHistogram(RelayRun.MAX_MICROS, 3);
    private final ConcurrentLinkedQueue<Peer> peers = new ConcurrentLinkedQueue<>();
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final Peer.Listener dropCounter = new DropCounter();
    private volatile boolean holding = true;

    ConnectRun(BenchSettings settings) {
        this.settings = settings;
    }

    /** Runs the scenario. */
    BenchReport run() throws InterruptedException {
        BenchSettings.ConnectSettings c = settings.connect();
        ServerMemory memory =
                c.serverPid() > 0 ? new ServerMemory(c.serverPid(), ServerMemory.metricsUri(settings.url())) : null;
        Set<Integer> samplePoints = memory == null ? Set.of() : samplePoints(c.connections());
        List<MemorySample> samples = new ArrayList<>();
        String memoryError = null;
        try (BenchClient client = new BenchClient(settings, settings.dialect())) {
            CpuClock cpu = CpuClock.start();
            long start = System.nanoTime();
            long paused = 0; // sampling time, left out of the ramp's time and schedule
            for (int i = 0; i < c.connections(); i++) {
                pace(start + paused, i, c.rampRate());
                inFlight.acquire();
                connect(client, i);
                if (memory != null && memoryError == null && samplePoints.contains(i + 1)) {
                    awaitHandshakes();
                    long pauseStart = System.nanoTime();
                    try {
                        samples.add(memory.sample(open()));
                    } catch (IOException e) {
                        memoryError = e.getMessage();
                    }
                    paused += System.nanoTime() - pauseStart;
                }
            }
            awaitHandshakes();
            long rampNanos = System.nanoTime() - start - paused;
            double cpuShare = cpu.share();
            TimeUnit.NANOSECONDS.sleep(c.hold().toNanos());
            holding = false;
            long openAtEnd = open();
            closeAll();
            ConnectTotals totals = new ConnectTotals(
                    succeeded.get(),
                    failedOther.get(),
                    failedByStatus(),
                    firstFailure.get(),
                    dropped.get(),
                    openAtEnd,
                    handshakeMicros);
            return BenchReport.connect(settings, rampNanos, cpuShare, totals, new MemoryReport(samples, memoryError));
        }
    }

    /** 1,000 (or half the total below 2,000), the total, and three points evenly between. */
    static Set<Integer> samplePoints(int connections) {
        int first = connections >= 2 * FIRST_SAMPLE ? FIRST_SAMPLE : Math.max(1, connections / 2);
        TreeSet<Integer> points = new TreeSet<>();
        for (int k = 0; k < SAMPLE_POINTS; k++) {
            points.add(first + (int) ((long) (connections - first) * k / (SAMPLE_POINTS - 1)));
        }
        return points;
    }

    private void connect(BenchClient client, int index) {
        long begin = System.nanoTime();
        client.connect(client.loopFor(index), index).whenComplete((peer, error) -> {
            if (error == null) {
                succeeded.incrementAndGet();
                handshakeMicros.recordValue(Math.min((System.nanoTime() - begin) / 1000, RelayRun.MAX_MICROS));
                peers.add(peer);
                peer.channel().eventLoop().execute(() -> peer.listen(dropCounter));
            } else {
                countFailure(error);
            }
            inFlight.release();
        });
    }

    private void countFailure(Throwable error) {
        Integer status = httpStatus(error);
        if (status != null) {
            failedByStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
        } else {
            failedOther.incrementAndGet();
        }
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        firstFailure.compareAndSet(null, root instanceof TimeoutException ? "handshake timeout" : root.toString());
    }

    /** The HTTP status of a refused upgrade anywhere in {@code error}'s causes, or null. */
    private static @Nullable Integer httpStatus(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof WebSocketClientHandshakeException e && e.response() != null) {
                return e.response().status().code();
            }
        }
        return null;
    }

    private long open() {
        return succeeded.get() - dropped.get();
    }

    private Map<String, Long> failedByStatus() {
        Map<String, Long> byStatus = new TreeMap<>();
        failedByStatus.forEach((status, count) -> byStatus.put(Integer.toString(status), count.sum()));
        return byStatus;
    }

    /** Waits until no handshake is in flight. */
    private void awaitHandshakes() throws InterruptedException {
        inFlight.acquire(MAX_IN_FLIGHT);
        inFlight.release(MAX_IN_FLIGHT);
    }

    private void closeAll() {
        List<CompletableFuture<Void>> closes = new ArrayList<>();
        for (Peer peer : peers) {
            closes.add(peer.close());
        }
        try {
            CompletableFuture.allOf(closes.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // whatever is still open goes when the client's event loops shut down
        }
    }

    private static void pace(long start, int index, double rampRate) {
        if (rampRate <= 0) {
            return;
        }
        long due = start + (long) (index * 1e9 / rampRate);
        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }

    /**
     * What the connections saw.
     *
     * @param succeeded handshakes completed with the greeting
     * @param failedOther handshakes that failed without an HTTP status (refused, reset, timed out)
     * @param failedByStatus handshakes refused with an HTTP status, by status
     * @param firstFailure the first failed handshake's cause, or null
     * @param dropped connections the server closed while they were held
     * @param openAtEnd connections open when the hold ended
     * @param handshakeMicros the time from connect to greeting of each successful handshake
     */
    record ConnectTotals(
            long succeeded,
            long failedOther,
            Map<String, Long> failedByStatus,
            @Nullable String firstFailure,
            long dropped,
            long openAtEnd,
            Histogram handshakeMicros) {
        /** Every failed handshake. */
        long failed() {
            return failedOther
                    + failedByStatus.values().stream()
                            .mapToLong(Long::longValue)
                            .sum();
        }
    }

    /**
     * The server's memory samples.
     *
     * @param samples the samples taken, in order
     * @param error why sampling stopped, or null
     */
    record MemoryReport(List<MemorySample> samples, @Nullable String error) {}

    /** Counts the connections the server closes while they are held; ignores what they receive. */
    private final class DropCounter implements Peer.Listener {
        @Override
        public void text(String text) {}

        @Override
        public void error(String text) {}

        @Override
        public void closed() {
            if (holding) {
                dropped.incrementAndGet();
            }
        }
    }
}
