package io.switchboard.server.bench.reference;

import io.netty.channel.Channel;
import io.switchboard.core.Nullable;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connections waiting for a partner, by pair key. The first connection with a key waits; the second takes it out
 * and the two are paired; a third with the same key waits for a fourth. Thread-safe.
 */
final class PairRegistry {
    private final ConcurrentHashMap<String, Channel> waiting = new ConcurrentHashMap<>();

    /**
     * Pairs {@code channel} with the connection waiting under {@code key}, or makes it wait.
     *
     * @return the partner, or null when {@code channel} now waits
     */
    @Nullable
    Channel pairOrWait(String key, Channel channel) {
        Channel[] partner = new Channel[1];
        waiting.compute(key, (k, waiter) -> {
            if (waiter == null || !waiter.isActive()) {
                return channel;
            }
            partner[0] = waiter;
            return null;
        });
        return partner[0];
    }

    /** Forgets {@code channel} if it is still waiting under {@code key}. */
    void leave(String key, Channel channel) {
        waiting.remove(key, channel);
    }

    /** The connections waiting now. */
    int waiting() {
        return waiting.size();
    }
}
