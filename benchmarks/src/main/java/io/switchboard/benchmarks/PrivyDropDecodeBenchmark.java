package io.switchboard.benchmarks;

import io.switchboard.protocol.Decoded;
import io.switchboard.protocol.privydrop.PrivyDropDialect;
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
 * PrivyDrop's envelope reader: {@link PrivyDropDialect#decode} of one Socket.IO event array (headers already removed
 * by the transport), {@code ["offer",{...}]} with an SDP offer (~3 KB) and {@code ["ice-candidate",{...}]} (~200 B).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PrivyDropDecodeBenchmark {
    private final PrivyDropDialect dialect = new PrivyDropDialect();
    private byte[] offer;
    private byte[] candidate;

    /** Builds both frames and checks that each decodes to a targeted signal. */
    @Setup
    public void setUp() {
        offer = Payloads.privyOffer();
        candidate = Payloads.privyCandidate();
        Checks.requireOk(dialect.decode(offer, 0, offer.length), "PrivyDrop offer");
        Checks.requireOk(dialect.decode(candidate, 0, candidate.length), "PrivyDrop ice-candidate");
    }

    /** An {@code offer} event. */
    @Benchmark
    public Decoded offer() {
        return dialect.decode(offer, 0, offer.length);
    }

    /** An {@code ice-candidate} event. */
    @Benchmark
    public Decoded iceCandidate() {
        return dialect.decode(candidate, 0, candidate.length);
    }
}
