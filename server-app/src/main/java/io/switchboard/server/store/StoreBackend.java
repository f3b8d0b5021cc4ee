package io.switchboard.server.store;

import static java.util.Objects.requireNonNull;

import io.switchboard.core.SignalingNode;
import io.switchboard.core.spi.LeaseTimes;
import io.switchboard.core.spi.Stores;
import io.switchboard.core.spi.memory.InMemoryStores;
import io.switchboard.redis.RedisNodeBus;
import io.switchboard.redis.RedisStoreConfig;
import io.switchboard.redis.RedisStores;
import io.switchboard.server.metrics.BusReadings;
import io.switchboard.server.metrics.SwitchboardMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store backend of a server, chosen once at start from {@code --store}: {@code memory} (this process only) or
 * {@code redis://...} (shared by every node). With Redis, {@link #attach} also starts the node's heartbeat and ties
 * the liveness reports to the node: every survivor tells its own sessions that a gone node's peers left, and the one
 * survivor that claims a dead node cleans its sessions out of the shared store.
 */
public final class StoreBackend implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StoreBackend.class);

    private final Stores stores;
    private final String description;

    private StoreBackend(Stores stores, String description) {
        this.stores = stores;
        this.description = description;
    }

    /**
     * Opens the backend {@code spec} names. Connecting to Redis blocks for at most its connect timeout; call this at
     * start, not on an event loop.
     *
     * @throws IllegalArgumentException if {@code spec} is neither {@code memory} nor a valid Redis URL
     * @throws IllegalStateException if Redis is unreachable or refuses the login
     */
    public static StoreBackend open(String spec, Clock clock) {
        requireNonNull(spec, "spec");
        requireNonNull(clock, "clock");
        if (spec.equals("memory")) {
            return new StoreBackend(new InMemoryStores(clock), "memory");
        }
        RedisStoreConfig config = RedisStoreConfig.parse(spec);
        RedisStores redis = RedisStores.connect(config, clock, LeaseTimes.PRIVYDROP);
        return new StoreBackend(
                redis, "redis " + redis.topology().name().toLowerCase(Locale.ROOT) + " " + config.endpoint());
    }

    /** The stores. */
    public Stores stores() {
        return stores;
    }

    /** What the ready line says: {@code memory} or {@code redis standalone redis://host:port} (no password). */
    public String description() {
        return description;
    }

    /**
     * Ties {@code node} to the backend's liveness: with Redis, the node heartbeats every {@code heartbeat}; nodes that
     * leave are reported to its sessions, and the dead nodes it claims are cleaned up; and {@code metrics} gets the
     * bus and store figures. Nothing with memory.
     */
    public void attach(SignalingNode node, Duration heartbeat, SwitchboardMetrics metrics) {
        if (!(stores instanceof RedisStores redis)) {
            return;
        }
        RedisNodeBus bus = redis.bus();
        metrics.watchBus(new BusReadings(
                bus::published,
                bus::framesPublished,
                bus::publishFailures,
                bus::received,
                bus::decodeFailures,
                bus::inboxReconnects));
        redis.onOperation(metrics::storeOperation);
        redis.startLiveness(node.id(), heartbeat, node::nodeLost, dead -> redis.directory()
                .sessionsOf(dead)
                .whenComplete((sessions, failure) -> {
                    if (failure != null) {
                        log.warn("the sessions of dead node {} are unknown: {}", dead, failure.toString());
                        return;
                    }
                    log.info("node {} died holding {} sessions; cleaning up", dead, sessions.size());
                    node.cleanUpAfter(dead, sessions);
                    redis.directory().forgetNode(dead);
                }));
    }

    @Override
    public void close() {
        stores.close();
    }
}
