package io.switchboard.server.pipeline;

import static java.util.Objects.requireNonNull;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import io.switchboard.core.Nullable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * WebSocket liveness for every plain-WebSocket connection of a listener, as DropSilk's server does it: timers that
 * walk the connections, instead of a timer per connection. Here that is one walk per event loop, which visits each
 * connection of its loop {@value #VISITS_PER_INTERVAL} times per ping interval: a connection silent for a whole
 * interval is pinged, and one that stays silent for an interval after its ping is closed. Anything the client sends
 * counts as an answer.
 *
 * <p>A walk is spread over ticks of about {@value #TARGET_TICK_MILLIS} ms, each visiting its share of the loop's
 * connections, so that connections that fell silent together (connected in one burst, or pinged in one tick before)
 * are not all pinged in one go: tens of thousands of pings written in a single task would stall every other
 * connection of that event loop for tens of milliseconds.
 *
 * <p>Before this, each connection carried Netty's {@code IdleStateHandler} with its own scheduled task and a second
 * handler: about 250 bytes of heap per idle connection more than now.
 *
 * <p>Thread-safe: each loop's walk is only touched on that loop; the map of walks is concurrent.
 */
final class WebSocketHeartbeats {
    /** How often a connection is visited per ping interval; a ping or a close is up to this fraction late. */
    static final int VISITS_PER_INTERVAL = 4;

    private static final long TARGET_TICK_MILLIS = 20;
    private static final int MAX_TICKS_PER_WALK = 1024;

    private final long intervalNanos;
    /** What a visit takes for a whole interval: one tick short of it, so rounding of the tick never costs a walk. */
    private final long dueNanos;

    private final long tickNanos;
    private final int ticksPerWalk;
    private final Map<EventExecutor, Walk> walks = new ConcurrentHashMap<>();

    /** Pings after {@code interval} of silence, closes after another one without an answer. */
    WebSocketHeartbeats(Duration interval) {
        requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval: " + interval + " (expected: > 0)");
        }
        this.intervalNanos = interval.toNanos();
        long walkNanos = Math.max(1, intervalNanos / VISITS_PER_INTERVAL);
        this.ticksPerWalk = (int) Math.max(
                1, Math.min(MAX_TICKS_PER_WALK, walkNanos / TimeUnit.MILLISECONDS.toNanos(TARGET_TICK_MILLIS)));
        this.tickNanos = Math.max(1, walkNanos / ticksPerWalk);
        this.dueNanos = Math.max(1, intervalNanos - tickNanos);
    }

    /** Starts watching {@code handler}'s connection; called on its event loop. */
    void watch(WebSocketHeartbeatHandler handler, EventExecutor loop) {
        walks.computeIfAbsent(loop, this::startWalk).add(handler);
    }

    /** Stops watching {@code handler}'s connection; called on its event loop. */
    void forget(WebSocketHeartbeatHandler handler, EventExecutor loop) {
        Walk walk = walks.get(loop);
        if (walk != null) {
            walk.remove(handler);
        }
    }

    /** Connections watched now, on all loops (for tests and diagnostics; not exact while loops change it). */
    int watched() {
        int n = 0;
        for (Walk walk : walks.values()) {
            n += walk.size;
        }
        return n;
    }

    /** The length of one tick: a walk visits every connection once in {@link #ticksPerWalk()} of them. */
    long tickNanos() {
        return tickNanos;
    }

    /** Ticks per walk. */
    int ticksPerWalk() {
        return ticksPerWalk;
    }

    private Walk startWalk(EventExecutor loop) {
        Walk walk = new Walk(loop);
        walk.timer = loop.scheduleAtFixedRate(walk::tick, tickNanos, tickNanos, TimeUnit.NANOSECONDS);
        return walk;
    }

    /**
     * The connections of one event loop, each knowing its own index, so removal is a swap with the last. Tick
     * {@code t} of a walk visits the slice {@code [t·n/T, (t+1)·n/T)} of the {@code n} members; when members come
     * and go during a walk a few may be visited twice or not at all, which the handler's clock makes harmless.
     */
    private final class Walk {
        private final EventExecutor loop;
        private final List<WebSocketHeartbeatHandler> members = new ArrayList<>();
        private volatile int size;
        private int tick;
        private @Nullable ScheduledFuture<?> timer;

        Walk(EventExecutor loop) {
            this.loop = loop;
        }

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
            if (members.isEmpty()) { // an idle listener wakes nobody: the next connection starts a new walk
                ScheduledFuture<?> t = timer;
                if (t != null) {
                    t.cancel(false);
                }
                walks.remove(loop, this);
            }
        }

        /** Backwards, so a member removed while visiting (a close) only moves one already visited into its place. */
        void tick() {
            int t = tick;
            tick = (t + 1) % ticksPerWalk;
            int n = members.size();
            int from = (int) ((long) t * n / ticksPerWalk);
            int to = (int) ((long) (t + 1) * n / ticksPerWalk);
            if (from == to) {
                return;
            }
            long now = loop.ticker().nanoTime();
            for (int i = to - 1; i >= from; i--) {
                if (i < members.size()) {
                    members.get(i).visit(now, dueNanos);
                }
            }
        }
    }
}
