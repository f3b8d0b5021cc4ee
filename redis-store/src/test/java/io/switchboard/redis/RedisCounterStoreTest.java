package io.switchboard.redis;

import io.switchboard.core.spi.CounterStore;
import io.switchboard.core.spi.CounterStoreContract;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import redis.clients.jedis.UnifiedJedis;

/** {@link RedisCounterStore} on a standalone server; {@link RedisClusterCounterStoreTest} on a Cluster. */
class RedisCounterStoreTest extends CounterStoreContract {
    private RedisStores stores;
    private UnifiedJedis raw;
    private RecordingCounterStore store;

    /** Where the stores under test live. */
    RedisTarget target() {
        return RedisTarget.STANDALONE;
    }

    @Override
    protected CounterStore newStore(Clock clock) {
        stores = target().connect(clock);
        raw = target().rawClient();
        store = new RecordingCounterStore(stores.counters());
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
        KeyAger.age(raw, store.counters(), amount);
    }
}
