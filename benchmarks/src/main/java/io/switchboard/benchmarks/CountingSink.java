package io.switchboard.benchmarks;

import io.switchboard.core.message.Event;
import io.switchboard.core.session.CloseReason;
import io.switchboard.core.session.PeerSink;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A session's sink that counts events and hands each to the benchmark's {@link Blackhole}, standing in for the
 * transport. During setup it also keeps the events, so the setup can read codes and check that pairing worked.
 */
final class CountingSink implements PeerSink {
    private final List<Event> recorded = new ArrayList<>();
    private boolean recording = true;
    private Blackhole blackhole;
    private long count;

    @Override
    public void send(Event event) {
        count++;
        if (recording) {
            recorded.add(event);
        } else {
            blackhole.consume(event);
        }
    }

    @Override
    public void close(CloseReason reason) {}

    @Override
    public boolean isOpen() {
        return true;
    }

    /** The events received while recording. */
    List<Event> recorded() {
        return recorded;
    }

    /** Stops recording: from now on events go to {@code sink} (set before every operation). */
    void measure(Blackhole sink) {
        recording = false;
        recorded.clear();
        blackhole = sink;
    }

    /** How many events arrived, recorded or not. */
    long count() {
        return count;
    }
}
