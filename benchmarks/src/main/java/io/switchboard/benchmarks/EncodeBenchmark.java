package io.switchboard.benchmarks;

import io.switchboard.core.id.SessionId;
import io.switchboard.core.message.Event;
import io.switchboard.core.message.RawJson;
import io.switchboard.core.message.SignalKind;
import io.switchboard.protocol.ByteArraySink;
import io.switchboard.protocol.dropsilk.DropSilkDialect;
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
 * The dialect encoders: {@link DropSilkDialect#encode} of a {@link Event.SignalRelayed} and {@link
 * PrivyDropDialect#encode} of a {@link Event.PeerSignal}, each splicing the raw payload into its envelope, written
 * into one reused {@link ByteArraySink} that is reset before each operation (so its growth is not measured).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EncodeBenchmark {
    private final DropSilkDialect dropSilk = new DropSilkDialect();
    private final PrivyDropDialect privyDrop = new PrivyDropDialect();
    private final ByteArraySink sink = new ByteArraySink(8192);
    private Event dropSilkOffer;
    private Event dropSilkCandidate;
    private Event privyOffer;
    private Event privyCandidate;

    /** Builds the four events. */
    @Setup
    public void setUp() {
        SessionId dropSilkSender = new SessionId("k3v9q0x2ma");
        dropSilkOffer = new Event.SignalRelayed(dropSilkSender, RawJson.of(Payloads.dropSilkOfferData()));
        dropSilkCandidate = new Event.SignalRelayed(dropSilkSender, RawJson.of(Payloads.dropSilkCandidateData()));
        SessionId privySender = new SessionId("Zb1Rk9xQw2Ls7NpTAAAD");
        privyOffer = new Event.PeerSignal(SignalKind.OFFER, privySender, RawJson.of(Payloads.offerJson()));
        privyCandidate =
                new Event.PeerSignal(SignalKind.ICE_CANDIDATE, privySender, RawJson.of(Payloads.candidateJson()));
    }

    /** DropSilk {@code signal} with the SDP offer. */
    @Benchmark
    public int dropSilkSignalOffer() {
        sink.reset();
        dropSilk.encode(dropSilkOffer, sink);
        return sink.size();
    }

    /** DropSilk {@code signal} with the ICE candidate. */
    @Benchmark
    public int dropSilkSignalCandidate() {
        sink.reset();
        dropSilk.encode(dropSilkCandidate, sink);
        return sink.size();
    }

    /** PrivyDrop {@code offer}. */
    @Benchmark
    public int privyDropOffer() {
        sink.reset();
        privyDrop.encode(privyOffer, sink);
        return sink.size();
    }

    /** PrivyDrop {@code ice-candidate}. */
    @Benchmark
    public int privyDropIceCandidate() {
        sink.reset();
        privyDrop.encode(privyCandidate, sink);
        return sink.size();
    }
}
