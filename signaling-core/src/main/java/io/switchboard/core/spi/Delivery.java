package io.switchboard.core.spi;

import static java.util.Objects.requireNonNull;

import io.switchboard.core.id.SessionId;
import io.switchboard.core.message.Event;

/** One event for one session, travelling between nodes. */
public record Delivery(SessionId target, Event event) {
    /** Both fields are required. */
    public Delivery {
        requireNonNull(target, "target");
        requireNonNull(event, "event");
    }
}
