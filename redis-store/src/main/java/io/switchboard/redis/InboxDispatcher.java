package io.switchboard.redis;

import io.switchboard.core.spi.Delivery;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes the frames that arrive in one inbox and hands each delivery to the node, in order. A frame that does not
 * decode is counted and dropped (the first one logged at warn, later ones at debug), and an inbox that throws loses
 * only that delivery; neither stops the subscriber thread.
 */
final class InboxDispatcher implements Consumer<byte[]> {
    private static final Logger log = LoggerFactory.getLogger(InboxDispatcher.class);

    private final Consumer<Delivery> inbox;
    private final BusCounters counters;

    InboxDispatcher(Consumer<Delivery> inbox, BusCounters counters) {
        this.inbox = inbox;
        this.counters = counters;
    }

    @Override
    public void accept(byte[] frame) {
        List<Delivery> deliveries;
        try {
            deliveries = DeliveryCodec.decode(frame);
        } catch (MalformedPayloadException e) {
            counters.decodeFailures.increment();
            if (counters.decodeFailures.sum() == 1) {
                log.warn(
                        "dropped a bus frame of {} bytes (later ones are logged at debug): {}",
                        frame.length,
                        e.getMessage());
            } else {
                log.debug("dropped a bus frame of {} bytes: {}", frame.length, e.getMessage());
            }
            return;
        }
        for (Delivery delivery : deliveries) {
            counters.received.increment();
            try {
                inbox.accept(delivery);
            } catch (RuntimeException e) {
                log.warn("the inbox failed on a delivery for {}", delivery.target(), e);
            }
        }
    }
}
