package io.switchboard.redis;

import io.switchboard.core.spi.Delivery;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes the frames that arrive in one inbox and hands each delivery to the node, in order. A record that does not
 * decode is counted and dropped and the rest of its frame delivered; a frame whose framing is broken is counted and
 * dropped whole (the first drop logged at warn, later ones at debug). An inbox that throws loses only that delivery;
 * nothing stops the subscriber thread.
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
            deliveries = DeliveryCodec.decode(frame, skipped -> dropped("a bus record", frame, skipped));
        } catch (MalformedPayloadException e) {
            dropped("a bus frame", frame, e);
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

    private void dropped(String what, byte[] frame, MalformedPayloadException e) {
        counters.decodeFailures.increment();
        if (counters.decodeFailures.sum() == 1) {
            log.warn(
                    "dropped {} in a frame of {} bytes (later ones are logged at debug): {}",
                    what,
                    frame.length,
                    e.getMessage());
        } else {
            log.debug("dropped {} in a frame of {} bytes: {}", what, frame.length, e.getMessage());
        }
    }
}
