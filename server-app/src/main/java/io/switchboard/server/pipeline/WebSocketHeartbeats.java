package io.switchboard.server.pipeline;

import static java.util.Objects.requireNonNull;

import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * WebSocket liveness for every plain-WebSocket connection of a listener, as DropSilk's server does it: one timer
 * walks all connections, instead of a timer per connection. Here that is one round per event loop, which runs every
 * quarter of the ping interval and visits the connections of its loop: a connection silent for a whole interval is
 * pinged, and one still silent an interval after its ping is closed. Anything the client sends counts as an answer.
 *
 * <p>A connection's silence is counted in rounds, so a ping leaves after one to one and a quarter intervals of silence
 * and a dead peer is closed after two to two and a quarter. Before this, each connection carried Netty's
 * {@code IdleStateHandler} with its own scheduled task and a second handler: about 250 bytes of heap per idle
 * connection more than now.
 *
 * <p>Thread-safe: each round is only touched on its own event loop; the map of rounds is concurrent.
 */
final class WebSocketHeartbeats {
    /** Rounds per ping interval. */
    static final int ROUNDS_PER_INTERVAL = 4;

    private final long roundNanos;
    private final Map<EventExecutor, Round> rounds = new ConcurrentHashMap<>();

    /** Pings after {@code interval} of silence, closes after another one without an answer. */
    WebSocketHeartbeats(Duration interval) {
        requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval: " + interval + " (expected: > 0)");
        }
        this.roundNanos = Math.max(1, interval.toNanos() / ROUNDS_PER_INTERVAL);
    }

    /** Starts watching {@code handler}'s connection; called on its event loop. */
    void watch(WebSocketHeartbeatHandler handler, EventExecutor loop) {
        rounds.computeIfAbsent(loop, this::startRound).add(handler);
    }

    /** Stops watching {@code handler}'s connection; called on its event loop. */
    void forget(WebSocketHeartbeatHandler handler, EventExecutor loop) {
        Round round = rounds.get(loop);
        if (round != null) {
            round.remove(handler);
        }
    }

    /** Connections watched now, on all loops (for tests and diagnostics; not exact while loops change it). */
    int watched() {
        int n = 0;
        for (Round round : rounds.values()) {
            n += round.size;
        }
        return n;
    }

    private Round startRound(EventExecutor loop) {
        Round round = new Round();
        loop.scheduleAtFixedRate(round::run, roundNanos, roundNanos, TimeUnit.NANOSECONDS);
        return round;
    }

    /** The connections of one event loop, each knowing its own index, so removal is a swap with the last. */
    private static final class Round {
        private final List<WebSocketHeartbeatHandler> members = new ArrayList<>();
        private volatile int size;

        void add(WebSocketHeartbeatHandler handler) {
            if (handler.index >= 0) {
                return;
            }
            handler.index = members.size();
            members.add(handler);
            size = members.size();
        }

        void remove(WebSocketHeartbeatHandler handler) {
            int i = handler.index;
            if (i < 0 || i >= members.size() || members.get(i) != handler) {
                return;
            }
            WebSocketHeartbeatHandler last = members.remove(members.size() - 1);
            if (last != handler) {
                members.set(i, last);
                last.index = i;
            }
            handler.index = -1;
            size = members.size();
        }

        /** Backwards, so a member removed while visiting (a close) only moves one already visited into its place. */
        void run() {
            for (int i = members.size() - 1; i >= 0; i--) {
                if (i < members.size()) {
                    members.get(i).onRound(ROUNDS_PER_INTERVAL);
                }
            }
        }
    }
}
