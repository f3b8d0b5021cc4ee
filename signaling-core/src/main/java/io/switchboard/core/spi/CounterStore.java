package io.switchboard.core.spi;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * Named counters with fields, shared by every node (PrivyDrop's daily referrer counts). Redis layout: a hash named
 * {@code counter} exactly as given (e.g. {@code referrers:daily:2026-11-23}), incremented with {@code HINCRBY}, its
 * TTL reset to {@code ttl} on each increment.
 */
public interface CounterStore {
    /** Adds one to {@code field} of {@code counter} and resets the counter's TTL. */
    CompletionStage<Void> increment(String counter, String field, Duration ttl);

    /** The current value of {@code field} of {@code counter}, 0 when absent. */
    CompletionStage<Long> get(String counter, String field);
}
