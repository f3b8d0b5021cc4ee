package io.switchboard.core.error;

import io.switchboard.core.Nullable;

/** A rule violation in the core (room full, not a member, rate-limited), reported to the client as its code. */
public final class SignalingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    /** Creates an exception for {@code code}, with an optional detail for logs. */
    public SignalingException(ErrorCode code, @Nullable String detail) {
        super(detail == null ? code.wireName() : code.wireName() + ": " + detail, null, false, false);
        this.code = code;
    }

    /** The code reported to the client. */
    public ErrorCode code() {
        return code;
    }
}
