package io.switchboard.redis;

import static java.util.Objects.requireNonNull;

import io.switchboard.core.id.NodeId;
import io.switchboard.core.spi.Delivery;
import io.switchboard.core.spi.NodeBus;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;

/**
 * The cross-node bus on Redis pub/sub. Each node subscribes once, to its own inbox channel {@code
 * <prefix>inbox:<nodeId>}; a delivery for a session on another node is published to that node's inbox. On a Redis
 * Cluster the bus uses sharded pub/sub ({@code SPUBLISH}/{@code SSUBSCRIBE}), so each message touches only the master
 * that owns its inbox's slot.
 *
 * <p>Threads: {@link #publish} never blocks; it encodes the delivery on the caller's thread and queues it (bounded by
 * {@link RedisBusConfig#queueCapacity()} and {@link RedisBusConfig#maxQueuedBytes()}) for one publisher thread, which
 * sends batches pipelined and packs the deliveries for one node into one frame. Each subscription has its own thread
 * and connection, and subscribes again by itself, with a capped backoff, after Redis comes back.
 *
 * <p>Guarantees: at most once, in order per publishing thread and target node. A publish completes when Redis took
 * the message, whether or not anyone listens. It fails with {@link io.switchboard.core.error.ErrorCode#UNAVAILABLE}
 * at once when the queue is full or Redis is known to be unreachable, and after the fact when its round trip failed
 * (in which case it may still have arrived). Deliveries published while an inbox is resubscribing are lost.
 *
 * <p>Watchdog: every {@link RedisBusConfig#probeInterval()} a thread publishes an empty probe record to each inbox
 * subscribed here. A subscription that heard nothing, not even those probes, for three intervals while publishing
 * worked has lost its connection without being told (a vanished peer or path leaves the socket open and the read
 * blocked); its connection is broken and it subscribes again.
 */
public final class RedisNodeBus implements NodeBus, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RedisNodeBus.class);

    private final RedisBusConfig config;
    private final BusTransport transport;
    private final BusCounters counters = new BusCounters();
    private final BusPublisher publisher;
    private final Map<NodeId, InboxSubscriber> inboxes = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watchdog;
    private volatile boolean closed;

    /**
     * A bus on the standalone server at {@code address}, or, with {@code cluster}, on the Redis Cluster that {@code
     * address} belongs to (whose slot map is read now; this throws if no node of it answers). A standalone server
     * need not be up yet: the publisher connects on first use.
     */
    public RedisNodeBus(HostAndPort address, JedisClientConfig client, boolean cluster, RedisBusConfig config) {
        this.config = requireNonNull(config, "config");
        this.transport =
                BusTransport.create(requireNonNull(address, "address"), requireNonNull(client, "client"), cluster);
        this.publisher = new BusPublisher(transport, config, counters);
        publisher.start();
        this.watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sb-bus-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        long interval = config.probeInterval().toNanos();
        var unused = watchdog.scheduleWithFixedDelay(this::watch, interval, interval, TimeUnit.NANOSECONDS);
    }

    @Override
    public CompletionStage<Void> publish(NodeId node, Delivery delivery) {
        requireNonNull(node, "node");
        requireNonNull(delivery, "delivery");
        return publisher.submit(node, DeliveryCodec.encode(delivery));
    }

    /**
     * Subscribes {@code node}'s inbox on a thread and connection of its own. Returns at once; {@link
     * #isSubscribed(NodeId)} tells when Redis confirmed it. One subscription per node per bus.
     *
     * @throws IllegalStateException if {@code node} is already subscribed here, or the bus is closed
     */
    @Override
    public synchronized AutoCloseable subscribe(NodeId node, Consumer<Delivery> inbox) {
        requireNonNull(node, "node");
        requireNonNull(inbox, "inbox");
        if (closed) {
            throw new IllegalStateException("bus closed");
        }
        if (inboxes.containsKey(node)) {
            throw new IllegalStateException("node already subscribed: " + node);
        }
        InboxSubscriber subscriber = new InboxSubscriber(node, transport, config, new InboxDispatcher(inbox, counters));
        inboxes.put(node, subscriber);
        subscriber.start();
        return () -> {
            subscriber.close();
            inboxes.remove(node, subscriber);
        };
    }

    /** Whether {@code node}'s inbox is subscribed here and Redis has confirmed it. */
    public boolean isSubscribed(NodeId node) {
        InboxSubscriber subscriber = inboxes.get(node);
        return subscriber != null && subscriber.isSubscribed();
    }

    /** Whether publishing works (no failed round trip since the last reconnection) and every inbox is subscribed. */
    public boolean isHealthy() {
        return publisher.isReachable() && inboxes.values().stream().allMatch(InboxSubscriber::isSubscribed);
    }

    /** Deliveries Redis accepted, since start. */
    public long published() {
        return counters.published.sum();
    }

    /** PUBLISH commands sent for them (deliveries for one node share one when they are packed). */
    public long framesPublished() {
        return counters.frames.sum();
    }

    /** Deliveries whose publish failed, refused at once or lost in flight, since start. */
    public long publishFailures() {
        return counters.publishFailures.sum();
    }

    /** Deliveries received in this bus's inboxes and handed over, since start. */
    public long received() {
        return counters.received.sum();
    }

    /** Subscriptions the watchdog found silent and made again, since start. */
    public long inboxReconnects() {
        return counters.inboxReconnects.sum();
    }

    /** Records (or whole frames, when their framing was broken) received that did not decode and were dropped. */
    public long decodeFailures() {
        return counters.decodeFailures.sum();
    }

    /** Deliveries waiting to be published now. */
    public int queued() {
        return publisher.queued();
    }

    /**
     * Unsubscribes every inbox, publishes what is queued (waiting at most about 2 s), fails the rest and closes the
     * connections. Idempotent.
     */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        watchdog.shutdownNow();
        inboxes.values().forEach(InboxSubscriber::close);
        inboxes.clear();
        publisher.close();
        transport.close();
    }

    /** One watchdog round: breaks the subscriptions that went silent, then probes every inbox subscribed here. */
    private void watch() {
        if (closed || !publisher.isReachable()) {
            return; // while publishing fails, silence proves nothing and a probe would only count as a failure
        }
        long now = System.nanoTime();
        long limit = 3 * config.probeInterval().toNanos();
        inboxes.forEach((node, subscriber) -> {
            if (!subscriber.isSubscribed()) {
                return;
            }
            long silent = subscriber.silentNanos(now);
            if (silent > limit) {
                log.warn(
                        "bus inbox of {} heard nothing, not even its probes, for {} ms: subscribing again",
                        node,
                        TimeUnit.NANOSECONDS.toMillis(silent));
                counters.inboxReconnects.increment();
                subscriber.reconnect();
                return;
            }
            var unused = publisher.submit(node, DeliveryCodec.PROBE_RECORD);
        });
    }
}
