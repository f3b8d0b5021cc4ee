package io.switchboard.core.id;

import static java.util.Objects.requireNonNull;

/** The id of one Switchboard process; cross-node deliveries are addressed to it. */
public record NodeId(String value) {
    /** Validates the value: 1..64 characters. */
    public NodeId {
        requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > 64) {
            throw new IllegalArgumentException("nodeId: " + value + " (expected: 1..64 chars)");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
