package io.switchboard.redis;

import static java.util.Objects.requireNonNull;

import java.util.Set;
import javax.net.ssl.SSLParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The client of one Redis deployment: a {@link JedisPooled} for a standalone server, a {@link JedisCluster} seeded
 * from the endpoint for a Redis Cluster. Both are a {@link UnifiedJedis}, so store code is written once; it only asks
 * {@link #topology()} where a Cluster needs keys spread over slots. {@link #seed()} and {@link #clientConfig()} are kept
 * for clients that need connections of their own (the node bus's subscriptions). {@link #open} blocks (it is called at start);
 * everything else uses the client on the store's executor.
 */
record RedisConnection(UnifiedJedis jedis, RedisTopology topology, HostAndPort seed, JedisClientConfig clientConfig)
        implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisConnection.class);

    /** Attempts of one Cluster command across redirections and failed nodes; kept low so outages fail fast. */
    private static final int CLUSTER_ATTEMPTS = 3;

    RedisConnection {
        requireNonNull(jedis, "jedis");
        requireNonNull(topology, "topology");
        requireNonNull(seed, "seed");
        requireNonNull(clientConfig, "clientConfig");
    }

    /**
     * Connects to {@code config}'s endpoint, asks {@code INFO cluster} which topology it is, and opens the matching
     * client with at most {@code poolSize} connections (per node on a Cluster).
     *
     * @throws IllegalStateException if Redis cannot be reached or refuses the login
     * @throws IllegalArgumentException if a database other than 0 is asked of a Cluster
     */
    static RedisConnection open(RedisStoreConfig config, int poolSize) {
        RedisEndpoint endpoint = config.endpoint();
        HostAndPort seed = new HostAndPort(endpoint.host(), endpoint.port());
        RedisTopology topology = detect(seed, clientConfig(config, 0));
        if (topology == RedisTopology.CLUSTER && endpoint.database() != 0) {
            throw new IllegalArgumentException(
                    "database: " + endpoint.database() + " in " + endpoint + " (expected: 0 on a Redis Cluster)");
        }
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(poolSize);
        pool.setMaxIdle(poolSize);
        pool.setMinIdle(0);
        // Never wait for a connection longer than it would take to open one.
        pool.setMaxWait(config.connectTimeout());
        JedisClientConfig clientConfig = clientConfig(config, endpoint.database());
        UnifiedJedis jedis = topology == RedisTopology.CLUSTER
                ? new JedisCluster(
                        Set.of(seed),
                        clientConfig,
                        CLUSTER_ATTEMPTS,
                        config.socketTimeout().multipliedBy(CLUSTER_ATTEMPTS),
                        pool)
                : new JedisPooled(pool, seed, clientConfig);
        LOG.info("Redis store on {} ({})", endpoint, topology);
        return new RedisConnection(jedis, topology, seed, clientConfig);
    }

    /** Whether this is a Redis Cluster. */
    boolean isCluster() {
        return topology == RedisTopology.CLUSTER;
    }

    /**
     * Drops the idle pooled connections, so that connections opened before an outage are not handed out after it;
     * called when Redis becomes reachable again.
     */
    void dropIdleConnections() {
        if (jedis instanceof JedisPooled pooled) {
            pooled.getPool().clear();
        } else if (jedis instanceof JedisCluster cluster) {
            cluster.getClusterNodes().values().forEach(pool -> pool.clear());
        }
    }

    @Override
    public void close() {
        jedis.close();
    }

    private static RedisTopology detect(HostAndPort seed, JedisClientConfig clientConfig) {
        try (Jedis probe = new Jedis(seed, clientConfig)) {
            String info = probe.info("cluster");
            return info.contains("cluster_enabled:1") ? RedisTopology.CLUSTER : RedisTopology.STANDALONE;
        } catch (JedisException e) {
            throw new IllegalStateException(
                    "Redis at " + seed + " is unreachable or refused the login: " + e.getMessage(), e);
        }
    }

    private static JedisClientConfig clientConfig(RedisStoreConfig config, int database) {
        RedisEndpoint endpoint = config.endpoint();
        DefaultJedisClientConfig.Builder builder = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(Math.toIntExact(config.connectTimeout().toMillis()))
                .socketTimeoutMillis(Math.toIntExact(config.socketTimeout().toMillis()))
                .clientName("switchboard")
                .database(database)
                .user(endpoint.user())
                .password(endpoint.password());
        if (endpoint.tls()) {
            SSLParameters tls = new SSLParameters();
            // Jedis checks the certificate chain but not the host name unless asked to.
            tls.setEndpointIdentificationAlgorithm("HTTPS");
            builder.ssl(true).sslParameters(tls);
        }
        return builder.build();
    }
}
