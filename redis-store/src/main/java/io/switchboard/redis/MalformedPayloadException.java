package io.switchboard.redis;

/**
 * A bus payload that is not a valid {@link DeliveryCodec} frame: unknown version or event tag, a length past the end,
 * trailing bytes, invalid UTF-8, or a field the domain rejects. The subscriber counts and drops such payloads.
 */
public final class MalformedPayloadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception whose message names what was wrong and where. */
    public MalformedPayloadException(String message) {
        super(message);
    }

    /** Creates an exception for a field the domain rejected while decoding. */
    public MalformedPayloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
