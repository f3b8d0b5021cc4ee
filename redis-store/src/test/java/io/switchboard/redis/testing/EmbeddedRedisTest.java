package io.switchboard.redis.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisCluster;

class EmbeddedRedisTest {
    @Test
    void sharedServerAnswersCommands() {
        try (Jedis jedis = EmbeddedRedis.shared().client()) {
            assertEquals("PONG", jedis.ping());
        }
    }

    @Test
    void clusterSpreadsKeysOverThreeMasters() {
        List<EmbeddedRedis> nodes = EmbeddedRedis.sharedCluster();
        try (JedisCluster cluster =
                new JedisCluster(new HostAndPort("127.0.0.1", nodes.get(0).port()))) {
            for (int i = 0; i < 30; i++) {
                cluster.set("fixture:" + i, Integer.toString(i));
            }
            assertEquals(3, cluster.getClusterNodes().size());
            assertEquals("7", cluster.get("fixture:7"));
        }
    }
}
