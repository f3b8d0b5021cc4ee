package io.switchboard.redis;

import static java.util.Objects.requireNonNull;

import io.switchboard.core.Nullable;
import io.switchboard.core.id.NodeId;
import io.switchboard.core.spi.LeaseTimes;
import io.switchboard.core.spi.Stores;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The Redis backend ({@code --store redis://...}): one Jedis client (standalone or Cluster, detected at start), one
 * {@link RedisExecutor} on which every store runs its Jedis calls, a periodic {@code PING} behind {@link
 * #isHealthy()}, and the cross-node {@link RedisNodeBus} (connections and threads of its own, inbox channels under the
 * same key prefix). Every store method returns at once; its stage completes on the executor, or exceptionally at once
 * when the executor's queue is full. While Redis is unreachable calls fail within the configured timeouts and {@link
 * #isHealthy()} is false; when it returns, the same instance works again. Thread-safe.
 */
public final class RedisStores implements Stores {
    /** Connections beyond the executor's threads: one for the health ping. */
    private static final int EXTRA_CONNECTIONS = 1;

    /**
     * Connects with the system clock (UTC) and PrivyDrop's lease times.
     *
     * @see #connect(RedisStoreConfig, Clock, LeaseTimes)
     */
    public static RedisStores connect(RedisStoreConfig config) {
        return connect(config, Clock.systemUTC(), LeaseTimes.PRIVYDROP);
    }

    /**
     * Connects to {@code config}'s endpoint, detects whether it is a Redis Cluster ({@code INFO cluster}), and starts
     * the executor and the health ping. Blocks for at most about the connect timeout; call it at start, not on an
     * event loop. {@code clock} stamps rate-limit attempts and the leased rooms' expiry index; TTLs themselves are
     * kept by Redis. {@code leases} are PrivyDrop's room TTLs; their {@code roomTtl} is also the lease of every other
     * app's rooms (a DropSilk flight nobody joins for that long expires: see {@link RedisRoomStore}).
     *
     * @throws IllegalStateException if Redis is unreachable or refuses the login
     * @throws IllegalArgumentException if the configuration does not fit the server (a database other than 0 on a
     *     Cluster)
     */
    public static RedisStores connect(RedisStoreConfig config, Clock clock, LeaseTimes leases) {
        requireNonNull(config, "config");
        requireNonNull(clock, "clock");
        requireNonNull(leases, "leases");
        return new RedisStores(
                RedisConnection.open(config, config.threads() + EXTRA_CONNECTIONS), config, clock, leases);
    }

    private final RedisConnection connection;
    private final RedisStoreConfig config;
    private final RedisExecutor executor;
    private final RedisHealth health;
    private final RedisNodeBus bus;
    private final RedisRoomStore rooms;
    private final RedisSessionDirectory directory;
    private final RedisLeasedRoomStore leasedRooms;
    private final RedisRateLimitStore rateLimits;
    private final RedisCounterStore counters;
    private final RedisNetworkPresenceStore presence;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile @Nullable NodeLiveness liveness;

    private RedisStores(RedisConnection connection, RedisStoreConfig config, Clock clock, LeaseTimes leases) {
        this.connection = connection;
        this.config = config;
        this.executor = new RedisExecutor(connection.jedis(), config.threads(), config.queueBound());
        this.health = new RedisHealth(connection, config.healthInterval());
        this.bus = new RedisNodeBus(
                connection.seed(),
                connection.clientConfig(),
                connection.isCluster(),
                RedisBusConfig.DEFAULTS.withKeyPrefix(config.keyPrefix()));
        String prefix = config.keyPrefix();
        this.rooms = new RedisRoomStore(executor, connection.topology(), prefix, leases.roomTtl());
        this.directory = new RedisSessionDirectory(executor, prefix);
        this.leasedRooms =
                new RedisLeasedRoomStore(executor, new LeasedRoomKeys(connection.topology(), prefix), clock, leases);
        this.rateLimits = new RedisRateLimitStore(executor, clock);
        this.counters = new RedisCounterStore(executor);
        this.presence = new RedisNetworkPresenceStore(connection.jedis(), prefix, executor);
    }

    @Override
    public RedisRoomStore rooms() {
        return rooms;
    }

    @Override
    public RedisNodeBus bus() {
        return bus;
    }

    @Override
    public RedisSessionDirectory directory() {
        return directory;
    }

    @Override
    public RedisLeasedRoomStore leasedRooms() {
        return leasedRooms;
    }

    @Override
    public RedisRateLimitStore rateLimits() {
        return rateLimits;
    }

    @Override
    public RedisCounterStore counters() {
        return counters;
    }

    @Override
    public RedisNetworkPresenceStore presence() {
        return presence;
    }

    /**
     * Whether the last periodic {@code PING} (every master on a Cluster) was answered and the node bus can publish
     * and has every inbox subscribed.
     */
    @Override
    public boolean isHealthy() {
        return !closed.get() && health.isHealthy() && bus.isHealthy();
    }

    /**
     * Starts heartbeating for {@code self} every {@code period} (keys under this store's prefix) and watching the
     * other nodes: {@code onNodeGone} on every node for each node that left, {@code onDeadNode} on the one survivor
     * that claimed a dead node's clean-up. Both run on the liveness thread. Stopped by {@link #close()}, which also
     * takes this node out of the set (a clean leave). At most once per store.
     */
    public synchronized NodeLiveness startLiveness(
            NodeId self, Duration period, Consumer<NodeId> onNodeGone, Consumer<NodeId> onDeadNode) {
        if (liveness != null) {
            throw new IllegalStateException("liveness already started for " + self);
        }
        NodeLiveness started = NodeLiveness.start(
                connection.jedis(), self, LivenessConfig.forPeriod(config.keyPrefix(), period), onNodeGone, onDeadNode);
        liveness = started;
        return started;
    }

    /**
     * Reports the duration in ns of every store call's Redis round trip to {@code timer} (on the store's threads; keep
     * it cheap). The presence store's and the bus's own calls are not included.
     */
    public void onOperation(LongConsumer timer) {
        executor.timer(timer);
    }

    /** Whether the endpoint is a standalone server or a Redis Cluster. */
    public RedisTopology topology() {
        return connection.topology();
    }

    /**
     * Stops the health ping, lets calls already taken finish for up to the socket timeout (then fails those still
     * queued), closes the bus and the connections. Later calls complete exceptionally at once. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        NodeLiveness beating = liveness;
        if (beating != null) {
            beating.close();
        }
        health.close();
        List<Runnable> neverRan = executor.close(config.socketTimeout());
        bus.close();
        connection.close();
        // Tasks of stores that make their own stages: on a closed client they fail at once, completing those stages.
        neverRan.forEach(Runnable::run);
    }

    /** The executor every Jedis call runs on; for the node bus and tests in this package. */
    RedisExecutor executor() {
        return executor;
    }

    /** The client and topology; for the node bus and tests in this package. */
    RedisConnection connection() {
        return connection;
    }
}
