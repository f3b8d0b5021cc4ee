package io.switchboard.server.metrics;

import static java.util.Objects.requireNonNull;

import java.util.function.LongSupplier;

/**
 * Where the metrics read the cross-node bus's counters at scrape time; each supplier returns a count since start.
 *
 * @param published deliveries Redis accepted from this node
 * @param framesPublished the {@code PUBLISH} commands those took (deliveries for one node are packed into one frame)
 * @param publishErrors deliveries the bus could not take or lost in flight
 * @param received deliveries decoded from this node's inbox and handed to its sessions
 * @param decodeFailures inbox records (or frames, when their framing was broken) dropped because they did not decode
 * @param inboxResubscribes times the watchdog found the inbox silent and subscribed again
 */
public record BusReadings(
        LongSupplier published,
        LongSupplier framesPublished,
        LongSupplier publishErrors,
        LongSupplier received,
        LongSupplier decodeFailures,
        LongSupplier inboxResubscribes) {

    /** What a node without a bus (the in-memory store) reports: zeros. */
    public static final BusReadings NONE = new BusReadings(() -> 0, () -> 0, () -> 0, () -> 0, () -> 0, () -> 0);

    public BusReadings {
        requireNonNull(published, "published");
        requireNonNull(framesPublished, "framesPublished");
        requireNonNull(publishErrors, "publishErrors");
        requireNonNull(received, "received");
        requireNonNull(decodeFailures, "decodeFailures");
        requireNonNull(inboxResubscribes, "inboxResubscribes");
    }
}
