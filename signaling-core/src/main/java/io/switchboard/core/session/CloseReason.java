package io.switchboard.core.session;

/**
 * Why the server closes a session, with the WebSocket close code it maps to.
 *
 * <p>Ranges: the RFC 6455 codes for protocol failures (1000–1015); 4000–4499 for Switchboard reasons after which a
 * client may reconnect; 4500–4999 for terminal reasons. Reasons stay under 123 bytes (the close frame limit).
 */
public enum CloseReason {
    NORMAL(1000, "Normal closure"),
    GOING_AWAY(1001, "Server shutdown"),
    PROTOCOL_ERROR(1002, "Protocol error"),
    BAD_PAYLOAD(1007, "Invalid payload"),
    POLICY_VIOLATION(1008, "Policy violation"),
    TOO_BIG(1009, "Message too big"),
    INTERNAL_ERROR(1011, "Internal error"),
    SLOW_CONSUMER(4008, "Slow consumer"),
    HEARTBEAT_TIMEOUT(4009, "Heartbeat timeout"),
    RATE_LIMITED(4029, "Rate limit exceeded");

    private final int code;
    private final String reason;

    CloseReason(int code, String reason) {
        this.code = code;
        this.reason = reason;
    }

    /** The WebSocket close code. */
    public int code() {
        return code;
    }

    /** The human reason sent in the close frame. */
    public String reason() {
        return reason;
    }
}
