package io.switchboard.protocol;

import static java.util.Objects.requireNonNull;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.message.Command;

/**
 * The result of decoding one frame: a command, nothing to do, or a value that says what was wrong. Bad input is a
 * value here, not an exception: hostile input is normal traffic.
 */
public sealed interface Decoded {
    /** The frame carried one command. */
    record Ok(Command command) implements Decoded {
        /** The command is required. */
        public Ok {
            requireNonNull(command, "command");
        }
    }

    /** The frame was well-formed but asks for nothing. */
    record Ignored() implements Decoded {}

    /** The frame was bad; {@code detail} is for logs, the client sees the code's text. */
    record Invalid(ErrorCode code, String detail) implements Decoded {
        /** Both fields are required. */
        public Invalid {
            requireNonNull(code, "code");
            requireNonNull(detail, "detail");
        }
    }

    /** The one {@link Ignored} value. */
    Decoded IGNORED = new Ignored();
}
