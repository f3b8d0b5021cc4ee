package io.switchboard.core.id;

import static java.util.Objects.requireNonNull;

/** A room of one app: the app plus the room's code as the app spells it. */
public record RoomKey(AppId app, String code) {
    /** The longest room code any app may use. */
    public static final int MAX_CODE_LENGTH = 64;

    /** Validates the code: 1..64 characters, no control characters. */
    public RoomKey {
        requireNonNull(app, "app");
        requireNonNull(code, "code");
        if (code.isEmpty() || code.length() > MAX_CODE_LENGTH || code.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(
                    "roomCode: " + code + " (expected: 1.." + MAX_CODE_LENGTH + " chars, no control characters)");
        }
    }

    @Override
    public String toString() {
        return app + "/" + code;
    }
}
