package io.switchboard.redis;

import java.time.Duration;
import java.util.Collection;
import redis.clients.jedis.UnifiedJedis;

/**
 * Lets time pass for Redis keys without waiting: each key's TTL is shortened by the amount, and a key whose TTL runs
 * out is deleted, as Redis would have done by then. Keys without a TTL are left alone. Together with the store clock
 * moving by the same amount, this is what the contracts' {@code elapse} means on Redis.
 */
final class KeyAger {
    private KeyAger() {}

    static void age(UnifiedJedis jedis, Collection<String> keys, Duration amount) {
        long ms = amount.toMillis();
        for (String key : keys) {
            long ttl = jedis.pttl(key);
            if (ttl <= 0) {
                continue;
            }
            if (ttl <= ms) {
                jedis.del(key);
            } else {
                jedis.pexpire(key, ttl - ms);
            }
        }
    }
}
