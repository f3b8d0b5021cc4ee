package io.switchboard.benchmarks;

import io.switchboard.protocol.Decoded;
import io.switchboard.protocol.dropsilk.DropSilkDialect;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * DropSilk's envelope reader: {@link DropSilkDialect#decode} of one {@code signal} frame, which reads {@code type} and
 * keeps {@code data} as a raw slice of the frame, for an SDP offer (~3 KB) and for an ICE candidate (~200 B).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DropSilkDecodeBenchmark {
    private final DropSilkDialect dialect = new DropSilkDialect();
    private byte[] offer;
    private byte[] candidate;

    /** Builds both frames and checks that each decodes to a relay. */
    @Setup
    public void setUp() {
        offer = Payloads.dropSilkSignal(Payloads.dropSilkOfferData());
        candidate = Payloads.dropSilkSignal(Payloads.dropSilkCandidateData());
        Checks.requireOk(dialect.decode(offer, 0, offer.length), "DropSilk offer");
        Checks.requireOk(dialect.decode(candidate, 0, candidate.length), "DropSilk candidate");
    }

    /** A {@code signal} frame carrying the SDP offer. */
    @Benchmark
    public Decoded signalOffer() {
        return dialect.decode(offer, 0, offer.length);
    }

    /** A {@code signal} frame carrying the ICE candidate. */
    @Benchmark
    public Decoded signalCandidate() {
        return dialect.decode(candidate, 0, candidate.length);
    }

    /** The offer through jackson's path, which {@code decode} takes only for frames its scanner leaves alone. */
    @Benchmark
    public Decoded signalOfferJackson() {
        return dialect.decodeWithJackson(offer, 0, offer.length);
    }

    /** The candidate through jackson's path. */
    @Benchmark
    public Decoded signalCandidateJackson() {
        return dialect.decodeWithJackson(candidate, 0, candidate.length);
    }
}
