package io.switchboard.redis;

import io.switchboard.core.spi.RateLimitStore;
import io.switchboard.core.spi.RateLimitStoreContract;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import redis.clients.jedis.UnifiedJedis;

/** {@link RedisRateLimitStore} on a standalone server; {@link RedisClusterRateLimitStoreTest} on a Cluster. */
class RedisRateLimitStoreTest extends RateLimitStoreContract {
    private RedisStores stores;
    private UnifiedJedis raw;
    private RecordingRateLimitStore store;

    /** Where the stores under test live. */
    RedisTarget target() {
        return RedisTarget.STANDALONE;
    }

    @Override
    protected RateLimitStore newStore(Clock clock) {
        stores = target().connect(clock);
        raw = target().rawClient();
        store = new RecordingRateLimitStore(stores.rateLimits());
        return store;
    }

    @AfterEach
    void close() {
        stores.close();
        raw.close();
    }

    @Override
    protected long pttl(String key) {
        return raw.pttl(key);
    }

    @Override
    protected void elapse(Duration amount) {
        super.elapse(amount);
        KeyAger.age(raw, store.keys(), amount);
    }
}
