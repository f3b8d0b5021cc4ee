package io.switchboard.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.core.id.NodeId;
import io.switchboard.redis.testing.EmbeddedRedis;
import io.switchboard.redis.testing.Eventually;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;

class NodeLivenessTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private final LivenessConfig config =
            LivenessConfig.forPeriod("t-" + UUID.randomUUID() + ":", Duration.ofMillis(500));
    private final NodeId a = new NodeId("a-" + UUID.randomUUID());
    private final NodeId b = new NodeId("b-" + UUID.randomUUID());
    private final NodeId c = new NodeId("c-" + UUID.randomUUID());
    /** Every report as "reporter: dead node", in order. */
    private final List<String> reports = new CopyOnWriteArrayList<>();

    private final List<AutoCloseable> resources = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    @Test
    void exactlyOneSurvivorReportsANodeThatStopsBeating() {
        UnifiedJedis jedis = standalone(EmbeddedRedis.shared());
        NodeLiveness livenessA = start(jedis, a);
        NodeLiveness livenessB = start(jedis, b);
        NodeLiveness livenessC = start(jedis, c);
        Eventually.await(DEADLINE, () -> livenessC.beats() > 0 ? null : "c has not beaten");

        livenessC.close();

        Eventually.await(DEADLINE, () -> reportsOf(c).isEmpty() ? "c not reported" : null);
        awaitChecks(livenessA, livenessB, 4);
        assertEquals(1, reportsOf(c).size(), reports.toString());
        assertTrue(
                reportsOf(c).get(0).startsWith(a + ":") || reportsOf(c).get(0).startsWith(b + ":"));
        assertEquals(List.of(), reportsOf(a));
        assertEquals(List.of(), reportsOf(b));
        assertEquals(1, livenessA.claims() + livenessB.claims());
    }

    @Test
    void aNodeThatBeatsAgainIsAliveAndIsReportedOnlyWhenItStopsAgain() {
        UnifiedJedis jedis = standalone(EmbeddedRedis.shared());
        NodeLiveness livenessA = start(jedis, a);
        NodeLiveness livenessB = start(jedis, b);
        NodeLiveness first = start(jedis, c);
        Eventually.await(DEADLINE, () -> first.beats() > 0 ? null : "c has not beaten");
        first.close();
        Eventually.await(DEADLINE, () -> reportsOf(c).isEmpty() ? "c not reported" : null);

        NodeLiveness resumed = start(jedis, c);
        Eventually.await(DEADLINE, () -> resumed.beats() > 0 ? null : "c has not beaten again");
        awaitChecks(livenessA, livenessB, 4);
        assertEquals(1, reportsOf(c).size(), "a live node is not reported: " + reports);

        resumed.close();
        Eventually.await(DEADLINE, () -> reportsOf(c).size() == 2 ? null : "c not reported again: " + reports);
        awaitChecks(livenessA, livenessB, 4);
        assertEquals(2, reportsOf(c).size(), reports.toString());
    }

    @Test
    void theBeatOutlivesARedisOutage() {
        try (EmbeddedRedis redis = EmbeddedRedis.start()) {
            UnifiedJedis jedis = standalone(redis);
            NodeLiveness liveness = start(jedis, a);
            Eventually.await(DEADLINE, () -> liveness.beats() > 0 ? null : "no beat");

            redis.stop();
            long beatsBefore = liveness.beats();
            redis.restart();

            // the restarted server is empty: an entry proves the thread kept beating through the outage
            Eventually.await(DEADLINE, () -> {
                try (Jedis raw = redis.client()) {
                    return raw.zscore(config.nodesKey(), a.value()) != null ? null : "no beat since the restart";
                }
            });
            assertTrue(liveness.beats() > beatsBefore);
        }
    }

    @Test
    void exactlyOneSurvivorReportsADeadNodeOnTheCluster() {
        HostAndPort seed = new HostAndPort(
                "127.0.0.1", EmbeddedRedis.sharedCluster().get(0).port());
        UnifiedJedis jedis = track(new JedisCluster(seed));
        NodeLiveness livenessA = start(jedis, a);
        NodeLiveness livenessB = start(jedis, b);
        NodeLiveness livenessC = start(jedis, c);
        Eventually.await(DEADLINE, () -> livenessC.beats() > 0 ? null : "c has not beaten");

        livenessC.close();

        Eventually.await(DEADLINE, () -> reportsOf(c).isEmpty() ? "c not reported" : null);
        awaitChecks(livenessA, livenessB, 4);
        assertEquals(1, reportsOf(c).size(), reports.toString());
    }

    private NodeLiveness start(UnifiedJedis jedis, NodeId node) {
        return track(NodeLiveness.start(jedis, node, config, dead -> reports.add(node + ": " + dead)));
    }

    private UnifiedJedis standalone(EmbeddedRedis redis) {
        return track(new JedisPooled("127.0.0.1", redis.port()));
    }

    private <T extends AutoCloseable> T track(T resource) {
        resources.add(0, resource); // closed in reverse order: liveness before its connection
        return resource;
    }

    private List<String> reportsOf(NodeId dead) {
        return reports.stream().filter(r -> r.endsWith(": " + dead)).toList();
    }

    /** Waits until both survivors have looked for dead nodes {@code more} more times, i.e. well past deadAfter. */
    private static void awaitChecks(NodeLiveness first, NodeLiveness second, int more) {
        long firstTarget = first.checks() + more;
        long secondTarget = second.checks() + more;
        Eventually.await(
                DEADLINE,
                () -> first.checks() >= firstTarget && second.checks() >= secondTarget
                        ? null
                        : "survivors not checking");
    }
}
