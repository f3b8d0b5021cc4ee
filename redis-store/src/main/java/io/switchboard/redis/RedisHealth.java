package io.switchboard.redis;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether Redis answers: a {@code PING} (to every master on a Cluster) every interval on one daemon thread of its own,
 * {@code switchboard-redis-health}, so a saturated store executor cannot make a reachable Redis look down. Turns false
 * at the first failed ping and true again at the first answered one, without a restart; on that recovery the idle
 * pooled connections, opened before the outage, are dropped.
 */
final class RedisHealth implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisHealth.class);

    private final RedisConnection connection;
    private final ScheduledExecutorService timer;
    private final ScheduledFuture<?> pings;
    private volatile boolean healthy = true;

    /** Starts pinging {@code connection} every {@code interval}; healthy until the first ping fails. */
    RedisHealth(RedisConnection connection, Duration interval) {
        this.connection = requireNonNull(connection, "connection");
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "switchboard-redis-health");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        this.pings = timer.scheduleWithFixedDelay(this::probe, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Whether the last ping was answered. */
    boolean isHealthy() {
        return healthy;
    }

    @Override
    public void close() {
        pings.cancel(false);
        timer.shutdownNow();
    }

    private void probe() {
        boolean answered;
        try {
            answered = "PONG".equals(connection.jedis().ping());
        } catch (RuntimeException e) {
            answered = false;
            if (healthy) {
                LOG.warn("Redis is unreachable: {}", e.toString());
            }
        }
        if (answered && !healthy) {
            connection.dropIdleConnections();
            LOG.info("Redis is reachable again");
        }
        healthy = answered;
    }
}
