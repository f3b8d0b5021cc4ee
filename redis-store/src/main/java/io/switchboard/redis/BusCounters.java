package io.switchboard.redis;

import java.util.concurrent.atomic.LongAdder;

/** What one {@link RedisNodeBus} has done since it started, for metrics; updated from any bus thread. */
final class BusCounters {
    /** Deliveries Redis accepted. */
    final LongAdder published = new LongAdder();

    /** PUBLISH commands those deliveries took (fewer than deliveries when frames were packed). */
    final LongAdder frames = new LongAdder();

    /** Deliveries whose future failed: refused at the door, or lost with their batch. */
    final LongAdder publishFailures = new LongAdder();

    /** Deliveries decoded from an inbox and handed to it. */
    final LongAdder received = new LongAdder();

    /** Subscriptions the watchdog broke because they had gone silent. */
    final LongAdder inboxReconnects = new LongAdder();

    /** Records dropped because they could not be decoded, and frames dropped whole because their framing was broken. */
    final LongAdder decodeFailures = new LongAdder();
}
