package io.switchboard.redis;

import static java.util.Objects.requireNonNull;

import io.switchboard.core.id.NodeId;
import java.time.Duration;

/**
 * The limits and names of {@link RedisNodeBus}.
 *
 * @param keyPrefix the start of every channel name; a node's inbox is {@code <keyPrefix>inbox:<nodeId>}
 * @param queueCapacity deliveries waiting to be published; over it, {@code publish} fails at once
 * @param maxQueuedBytes encoded bytes waiting to be published; over it, {@code publish} fails at once
 * @param maxBatch deliveries the publisher takes from the queue for one pipelined round trip
 * @param maxFrameBytes deliveries for one node are packed into one PUBLISH up to this size (a larger single
 *     delivery travels alone)
 * @param minBackoff the first wait before reconnecting after Redis was lost
 * @param maxBackoff the cap of the doubling wait between reconnection attempts
 * @param probeInterval how often each node publishes a probe to its own inbox; a subscription that hears nothing,
 *     not even its probes, for three intervals while publishing works is broken and made again
 */
public record RedisBusConfig(
        String keyPrefix,
        int queueCapacity,
        long maxQueuedBytes,
        int maxBatch,
        int maxFrameBytes,
        Duration minBackoff,
        Duration maxBackoff,
        Duration probeInterval) {
    /**
     * Prefix {@code sb:}, 65,536 deliveries or 64 MiB queued, batches of 1,024, 64 KiB frames, backoff 50 ms..2 s,
     * a probe every 2 s.
     */
    public static final RedisBusConfig DEFAULTS = new RedisBusConfig(
            "sb:",
            65_536,
            64L << 20,
            1_024,
            64 << 10,
            Duration.ofMillis(50),
            Duration.ofSeconds(2),
            Duration.ofSeconds(2));

    /** Validates every limit. */
    public RedisBusConfig {
        requireNonNull(keyPrefix, "keyPrefix");
        requireNonNull(minBackoff, "minBackoff");
        requireNonNull(maxBackoff, "maxBackoff");
        requireNonNull(probeInterval, "probeInterval");
        requirePositive("probeInterval", probeInterval.toMillis());
        requirePositive("queueCapacity", queueCapacity);
        requirePositive("maxQueuedBytes", maxQueuedBytes);
        requirePositive("maxBatch", maxBatch);
        requirePositive("maxFrameBytes", maxFrameBytes);
        if (minBackoff.isNegative() || minBackoff.isZero() || maxBackoff.compareTo(minBackoff) < 0) {
            throw new IllegalArgumentException(
                    "backoff: " + minBackoff + ".." + maxBackoff + " (expected: 0 < minBackoff <= maxBackoff)");
        }
    }

    /** These limits with another key prefix. */
    public RedisBusConfig withKeyPrefix(String prefix) {
        return new RedisBusConfig(
                prefix, queueCapacity, maxQueuedBytes, maxBatch, maxFrameBytes, minBackoff, maxBackoff, probeInterval);
    }

    /** These limits with another queue capacity. */
    public RedisBusConfig withQueueCapacity(int capacity) {
        return new RedisBusConfig(
                keyPrefix, capacity, maxQueuedBytes, maxBatch, maxFrameBytes, minBackoff, maxBackoff, probeInterval);
    }

    /** These limits with another byte bound on the queue. */
    public RedisBusConfig withMaxQueuedBytes(long bytes) {
        return new RedisBusConfig(
                keyPrefix, queueCapacity, bytes, maxBatch, maxFrameBytes, minBackoff, maxBackoff, probeInterval);
    }

    /** These limits with another probe interval. */
    public RedisBusConfig withProbeInterval(Duration interval) {
        return new RedisBusConfig(
                keyPrefix, queueCapacity, maxQueuedBytes, maxBatch, maxFrameBytes, minBackoff, maxBackoff, interval);
    }

    /** The inbox channel of {@code node}. */
    public String inboxChannel(NodeId node) {
        return keyPrefix + "inbox:" + node.value();
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: > 0)");
        }
    }
}
