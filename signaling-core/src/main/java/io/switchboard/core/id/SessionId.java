package io.switchboard.core.id;

import static java.util.Objects.requireNonNull;

/** The id of one session, unique across nodes; unguessable unless an app's protocol fixes its format. */
public record SessionId(String value) {
    /** The longest id accepted from a client (for lookups such as invitations). */
    public static final int MAX_LENGTH = 64;

    /** Validates the value: 1..64 characters. */
    public SessionId {
        requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("sessionId: " + value + " (expected: 1.." + MAX_LENGTH + " chars)");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
