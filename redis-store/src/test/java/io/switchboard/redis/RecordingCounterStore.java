package io.switchboard.redis;

import io.switchboard.core.spi.CounterStore;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** A {@link CounterStore} that notes every counter it is asked about, then passes the call on. */
final class RecordingCounterStore implements CounterStore {
    private final CounterStore store;
    private final Set<String> counters = new LinkedHashSet<>();

    RecordingCounterStore(CounterStore store) {
        this.store = store;
    }

    /** The counters (their keys) seen so far. */
    Set<String> counters() {
        return counters;
    }

    @Override
    public CompletionStage<Void> increment(String counter, String field, Duration ttl) {
        counters.add(counter);
        return store.increment(counter, field, ttl);
    }

    @Override
    public CompletionStage<Long> get(String counter, String field) {
        counters.add(counter);
        return store.get(counter, field);
    }
}
