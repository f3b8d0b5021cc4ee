package io.switchboard.redis;

import io.switchboard.core.Nullable;
import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.error.SignalingException;
import io.switchboard.core.id.NodeId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The publishing half of the bus: callers put encoded deliveries into a bounded queue and get a future, never
 * waiting; one thread takes them out in batches, packs them into frames ({@link FramePacker}) and sends each batch
 * pipelined. The queue is FIFO and drained by one thread onto one connection per server, so deliveries from one
 * caller reach each inbox in the order they were published.
 *
 * <p>Failing fast: when the queue is full (by count or bytes) or Redis is known to be unreachable, the future fails at
 * once with {@link ErrorCode#UNAVAILABLE}; a batch that fails in flight fails all its futures. While Redis is
 * unreachable the thread tries to reconnect with a capped backoff, and anything queued meanwhile fails.
 */
final class BusPublisher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BusPublisher.class);
    private static final long CLOSE_GRACE_MILLIS = 2_000;

    private final BusTransport transport;
    private final RedisBusConfig config;
    private final BusCounters counters;
    private final FramePacker packer;
    private final ArrayBlockingQueue<Outgoing> queue;
    private final AtomicLong queuedBytes = new AtomicLong();
    private final Backoff backoff;
    private final OutageLog outage = new OutageLog(log, "bus publisher");
    private final Thread thread;
    private volatile boolean reachable = true;
    private volatile boolean closing;

    BusPublisher(BusTransport transport, RedisBusConfig config, BusCounters counters) {
        this.transport = transport;
        this.config = config;
        this.counters = counters;
        this.packer = new FramePacker(config);
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
        this.backoff = new Backoff(config.minBackoff(), config.maxBackoff());
        this.thread = new Thread(this::run, "sb-bus-publisher");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Queues {@code record} for {@code node}'s inbox; the future completes when Redis took it, or fails. */
    CompletableFuture<Void> submit(NodeId node, byte[] record) {
        if (closing) {
            return refuse("the bus is closed");
        }
        if (!reachable) {
            return refuse("Redis is unreachable");
        }
        if (queuedBytes.addAndGet(record.length) > config.maxQueuedBytes()) {
            queuedBytes.addAndGet(-record.length);
            return refuse("queue full (over " + config.maxQueuedBytes() + " bytes waiting)");
        }
        Outgoing outgoing = new Outgoing(node, record);
        if (!queue.offer(outgoing)) {
            queuedBytes.addAndGet(-record.length);
            return refuse("queue full (" + config.queueCapacity() + " deliveries waiting)");
        }
        if (closing && queue.remove(outgoing)) {
            // closed while we queued it, maybe after the last drain: nobody else will complete it
            fail(outgoing, "the bus is closed");
        }
        return outgoing.done();
    }

    /** How many deliveries wait in the queue. */
    int queued() {
        return queue.size();
    }

    /** False from a failed round trip until a reconnection succeeds. */
    boolean isReachable() {
        return reachable;
    }

    /** Stops taking deliveries, publishes what is queued (for up to 2 s), fails the rest and ends the thread. */
    @Override
    public void close() {
        closing = true;
        thread.interrupt();
        join(CLOSE_GRACE_MILLIS);
        if (thread.isAlive()) {
            transport.close(); // unblocks a round trip to a server that does not answer
            join(CLOSE_GRACE_MILLIS);
        }
        for (Outgoing left; (left = queue.poll()) != null; ) {
            fail(left, "the bus is closed");
        }
    }

    private void run() {
        try {
            while (!closing) {
                if (reachable) {
                    sendBatch(queue.take());
                } else {
                    awaitReconnection();
                }
            }
        } catch (InterruptedException e) {
            // close() interrupts a waiting thread
        }
        Thread.interrupted();
        for (Outgoing next; reachable && (next = queue.poll()) != null; ) {
            sendBatch(next);
        }
    }

    private void sendBatch(Outgoing first) {
        List<Outgoing> batch = new ArrayList<>(Math.min(config.maxBatch(), queue.size() + 1));
        batch.add(first);
        queue.drainTo(batch, config.maxBatch() - 1);
        release(batch);
        List<Packet> packets = packer.pack(batch);
        try {
            List<@Nullable RuntimeException> results = transport.publish(packets);
            for (int i = 0; i < packets.size(); i++) {
                complete(packets.get(i), results.get(i));
            }
            outage.recovered();
        } catch (JedisException e) {
            reachable = false;
            if (!closing) { // closing breaks a round trip on purpose
                outage.failed(e);
            }
            packets.forEach(packet -> complete(packet, e));
        } catch (RuntimeException e) {
            log.error("bus publisher failed on a batch of {} deliveries", batch.size(), e);
            packets.forEach(packet -> complete(packet, e));
        }
    }

    /** Waits one backoff step, failing whatever is queued meanwhile, then tries to reconnect once. */
    private void awaitReconnection() throws InterruptedException {
        long deadline = System.nanoTime() + backoff.next().toNanos();
        for (long left; (left = deadline - System.nanoTime()) > 0 && !closing; ) {
            Outgoing late = queue.poll(left, TimeUnit.NANOSECONDS);
            if (late != null) {
                queuedBytes.addAndGet(-late.record().length);
                fail(late, "Redis is unreachable");
            }
        }
        try {
            transport.probe();
            reachable = true;
            backoff.reset();
            outage.recovered();
        } catch (JedisException e) {
            outage.failed(e);
        }
    }

    private void complete(Packet packet, @Nullable RuntimeException failure) {
        if (failure == null) {
            counters.frames.increment();
            for (Outgoing outgoing : packet.deliveries()) {
                if (outgoing.record().length > 0) { // not a probe
                    counters.published.increment();
                }
            }
            packet.deliveries().forEach(outgoing -> outgoing.done().complete(null));
            return;
        }
        String reason = "publish failed: " + failure.getMessage();
        packet.deliveries().forEach(outgoing -> fail(outgoing, reason));
    }

    private void fail(Outgoing outgoing, String reason) {
        counters.publishFailures.increment();
        outgoing.done().completeExceptionally(unavailable(reason));
    }

    private CompletableFuture<Void> refuse(String reason) {
        counters.publishFailures.increment();
        return CompletableFuture.failedFuture(unavailable(reason));
    }

    private void release(List<Outgoing> batch) {
        long bytes = 0;
        for (Outgoing outgoing : batch) {
            bytes += outgoing.record().length;
        }
        queuedBytes.addAndGet(-bytes);
    }

    private void join(long millis) {
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static SignalingException unavailable(String reason) {
        return new SignalingException(ErrorCode.UNAVAILABLE, "cross-node bus: " + reason);
    }
}
