package io.switchboard.redis;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * How the Redis backend connects and how much work it takes on, usually parsed from the {@code --store} URL with
 * {@link #parse}.
 *
 * @param endpoint the server, or a seed node of a Redis Cluster (the topology is detected at start)
 * @param keyPrefix put before every key Switchboard owns (default {@value #DEFAULT_PREFIX}); PrivyDrop's keys, whose
 *     names are fixed by its protocol, and the counters and rate limits named by the caller take no prefix. 1..64
 *     printable characters without braces, which would change Redis Cluster hash slots
 * @param connectTimeout how long opening a connection may take; short, so that an outage fails calls fast
 * @param socketTimeout how long one reply may take; short for the same reason
 * @param threads the threads that run Jedis calls, each holding at most one connection
 * @param queueBound how many calls may wait for a thread; beyond it a call completes exceptionally at once
 * @param healthInterval how often a {@code PING} checks that Redis is reachable
 */
public record RedisStoreConfig(
        RedisEndpoint endpoint,
        String keyPrefix,
        Duration connectTimeout,
        Duration socketTimeout,
        int threads,
        int queueBound,
        Duration healthInterval) {
    /** The default key prefix. */
    public static final String DEFAULT_PREFIX = "sb:";

    /** The default connect and socket timeouts: long enough for a loaded server, short enough to fail fast. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    /** The default number of threads: Jedis calls block on the network, not on a core, so more than the cores. */
    public static final int DEFAULT_THREADS = 8;

    /** The default bound of the queue of calls waiting for a thread. */
    public static final int DEFAULT_QUEUE_BOUND = 1024;

    /** The default interval between two health {@code PING}s. */
    public static final Duration DEFAULT_HEALTH_INTERVAL = Duration.ofSeconds(1);

    private static final Pattern PREFIX = Pattern.compile("[\\x21-\\x7a|~]{1,64}");

    /** Validates every component. */
    public RedisStoreConfig {
        requireNonNull(endpoint, "endpoint");
        requireNonNull(keyPrefix, "keyPrefix");
        requireNonNull(connectTimeout, "connectTimeout");
        requireNonNull(socketTimeout, "socketTimeout");
        requireNonNull(healthInterval, "healthInterval");
        if (!PREFIX.matcher(keyPrefix).matches()) {
            throw new IllegalArgumentException(
                    "prefix: " + keyPrefix + " (expected: 1..64 printable ASCII characters, no space or braces)");
        }
        requirePositiveMillis("connectTimeout", connectTimeout, Integer.MAX_VALUE);
        requirePositiveMillis("socketTimeout", socketTimeout, Integer.MAX_VALUE);
        requirePositiveMillis("healthInterval", healthInterval, Long.MAX_VALUE);
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("threads: " + threads + " (expected: 1..256)");
        }
        if (queueBound < 1 || queueBound > 1_000_000) {
            throw new IllegalArgumentException("queue: " + queueBound + " (expected: 1..1000000)");
        }
    }

    /** {@code endpoint} with every other setting at its default. */
    public static RedisStoreConfig of(RedisEndpoint endpoint) {
        return new RedisStoreConfig(
                endpoint,
                DEFAULT_PREFIX,
                DEFAULT_TIMEOUT,
                DEFAULT_TIMEOUT,
                DEFAULT_THREADS,
                DEFAULT_QUEUE_BOUND,
                DEFAULT_HEALTH_INTERVAL);
    }

    /**
     * Parses a {@code --store} URL: {@code redis://[user:password@]host[:port][/db][?key=value&...]}, or {@code
     * rediss://} for TLS. The port defaults to {@value RedisEndpoint#DEFAULT_PORT}, the database to 0. Query keys:
     * {@code prefix}, {@code connectTimeoutMs}, {@code socketTimeoutMs}, {@code threads}, {@code queue}, {@code
     * healthIntervalMs}; any other key is an error. User and password are percent-decoded.
     *
     * @throws IllegalArgumentException naming the problem and the expected form; the password is never echoed
     */
    public static RedisStoreConfig parse(String url) {
        return StoreUrlParser.parse(url);
    }

    private static void requirePositiveMillis(String name, Duration value, long maxMillis) {
        if (value.toMillis() < 1 || value.compareTo(Duration.ofMillis(maxMillis)) > 0) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: 1 ms.." + maxMillis + " ms)");
        }
    }
}
