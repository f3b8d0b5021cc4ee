package io.switchboard.redis;

import static java.util.Objects.requireNonNull;

import io.switchboard.core.id.NodeId;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Tells the nodes sharing one Redis which of them died. Each node beats every {@link LivenessConfig#period()} into one
 * sorted set, {@code <prefix>nodes}, scored by the Redis server's clock (so the nodes' clocks need not agree). Every
 * half period each node looks for entries older than {@link LivenessConfig#deadAfter()}; the look and the claim are
 * one Lua script that removes the dead entries it returns, so exactly one survivor gets each dead node, and calls
 * {@code onDeadNode} with it. A death is thus claimed within {@code deadAfter + period / 2} of the last beat (two
 * periods with the defaults). A node that beats again is alive again, and is reported again only after it dies again.
 *
 * <p>A node judges others only once it has been in touch with Redis for {@code deadAfter}, so after an outage (or at
 * start) every live node has had time to beat before anyone is declared dead. Everything runs on one daemon thread of
 * its own; a Redis outage is logged once and retried every tick. {@code onDeadNode} runs on that thread and must hand
 * work off quickly. Closing stops the beat (survivors will then report this node, as for a crash) and the thread.
 */
public final class NodeLiveness implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(NodeLiveness.class);

    /** ZADD with the server's time in ms; returns 1 when the entry was missing. */
    private static final String BEAT = "local t = redis.call('TIME')\n"
            + "return redis.call('ZADD', KEYS[1], t[1] * 1000 + math.floor(t[2] / 1000), ARGV[1])";

    /** Removes and returns up to ARGV[3] entries older than ARGV[1] ms, except the caller's own (ARGV[2]). */
    private static final String CLAIM = "local t = redis.call('TIME')\n"
            + "local now = t[1] * 1000 + math.floor(t[2] / 1000)\n"
            + "local stale = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', string.format('(%d', now - ARGV[1]),"
            + " 'LIMIT', 0, ARGV[3])\n"
            + "local claimed = {}\n"
            + "for _, node in ipairs(stale) do\n"
            + "  if node ~= ARGV[2] then\n"
            + "    redis.call('ZREM', KEYS[1], node)\n"
            + "    claimed[#claimed + 1] = node\n"
            + "  end\n"
            + "end\n"
            + "return claimed";

    private static final int MAX_CLAIMS_PER_CHECK = 64;

    private final UnifiedJedis jedis;
    private final NodeId self;
    private final LivenessConfig config;
    private final Consumer<NodeId> onDeadNode;
    private final ScheduledExecutorService executor;
    private final OutageLog outage = new OutageLog(log, "node liveness");
    private final AtomicLong beats = new AtomicLong();
    private final AtomicLong checks = new AtomicLong();
    private final AtomicLong claims = new AtomicLong();
    private long inTouchSince;

    private NodeLiveness(UnifiedJedis jedis, NodeId self, LivenessConfig config, Consumer<NodeId> onDeadNode) {
        this.jedis = requireNonNull(jedis, "jedis");
        this.self = requireNonNull(self, "self");
        this.config = requireNonNull(config, "config");
        this.onDeadNode = requireNonNull(onDeadNode, "onDeadNode");
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "sb-liveness-" + self);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts beating for {@code self} through {@code jedis} (standalone or Cluster; it is not closed here) and
     * reporting the nodes that die to {@code onDeadNode}.
     */
    public static NodeLiveness start(
            UnifiedJedis jedis, NodeId self, LivenessConfig config, Consumer<NodeId> onDeadNode) {
        NodeLiveness liveness = new NodeLiveness(jedis, self, config, onDeadNode);
        long period = config.period().toNanos();
        long check = config.checkInterval().toNanos();
        // the tasks end with the executor (close); each catches its own failures, so none dies silently
        ScheduledFuture<?> unusedBeat =
                liveness.executor.scheduleAtFixedRate(liveness::beat, 0, period, TimeUnit.NANOSECONDS);
        ScheduledFuture<?> unusedCheck =
                liveness.executor.scheduleAtFixedRate(liveness::check, check, check, TimeUnit.NANOSECONDS);
        return liveness;
    }

    /** Beats that reached Redis, since start. */
    public long beats() {
        return beats.get();
    }

    /** Looks for dead nodes that reached Redis, since start (none during the first {@code deadAfter}). */
    public long checks() {
        return checks.get();
    }

    /** Dead nodes this node claimed and reported, since start. */
    public long claims() {
        return claims.get();
    }

    /** Stops beating and checking, and waits for a tick in progress to finish. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("liveness of {} did not stop within 10 s", self);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void beat() {
        try {
            Object added = jedis.eval(BEAT, List.of(config.nodesKey()), List.of(self.value()));
            if (inTouchSince == 0) {
                inTouchSince = System.nanoTime();
            } else if (Long.valueOf(1).equals(added)) {
                log.warn("{}'s liveness entry was gone: another node declared it dead, or Redis lost its data", self);
            }
            beats.incrementAndGet();
            outage.recovered();
        } catch (JedisException e) {
            inTouchSince = 0;
            outage.failed(e);
        } catch (RuntimeException e) {
            log.error("liveness beat failed", e); // a bug; keep the schedule alive
        }
    }

    private void check() {
        if (inTouchSince == 0
                || System.nanoTime() - inTouchSince < config.deadAfter().toNanos()) {
            return;
        }
        try {
            List<?> dead = (List<?>) jedis.eval(
                    CLAIM,
                    List.of(config.nodesKey()),
                    List.of(
                            Long.toString(config.deadAfter().toMillis()),
                            self.value(),
                            Integer.toString(MAX_CLAIMS_PER_CHECK)));
            checks.incrementAndGet();
            for (Object node : dead) {
                report(new NodeId(String.valueOf(node)));
            }
        } catch (JedisException e) {
            inTouchSince = 0;
            outage.failed(e);
        } catch (RuntimeException e) {
            log.error("liveness check failed", e); // a bug; keep the schedule alive
        }
    }

    private void report(NodeId dead) {
        claims.incrementAndGet();
        log.info("node {} stopped beating; {} claimed its cleanup", dead, self);
        try {
            onDeadNode.accept(dead);
        } catch (RuntimeException e) {
            log.error("onDeadNode failed for {}", dead, e);
        }
    }
}
