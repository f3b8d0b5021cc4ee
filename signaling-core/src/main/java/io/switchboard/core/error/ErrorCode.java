package io.switchboard.core.error;

/**
 * Every failure Switchboard reports to a client, with a stable wire name and number.
 *
 * <p>Numbers: 1–99 malformed input, 100–199 room and membership rules, 200–299 limits, 300–399 server side.
 * A dialect may show another human text where its app expects a particular string (DropSilk's
 * {@code "Flight not found or full"}), but it never invents a code of its own.
 */
public enum ErrorCode {
    BAD_MESSAGE(1, "bad_message", "Invalid message format", false, 400),
    BAD_PAYLOAD(2, "bad_payload", "Invalid message payload", false, 400),
    UNKNOWN_TYPE(3, "unknown_type", "Unknown message type", false, 400),
    MESSAGE_TOO_BIG(4, "message_too_big", "Message too large", false, 413),
    INVALID_NAME(5, "invalid_name", "Invalid name", false, 400),
    INVALID_ROOM_ID(6, "invalid_room_id", "Invalid room id", false, 400),
    ALREADY_IN_ROOM(100, "already_in_room", "Already in a room", false, 409),
    ROOM_NOT_FOUND(101, "room_not_found", "Room not found", false, 404),
    ROOM_FULL(102, "room_full", "Room is full", false, 409),
    ROOM_OWNER_GONE(103, "room_owner_gone", "Room creator disconnected", false, 410),
    NOT_A_MEMBER(104, "not_a_member", "Not a member of that room", false, 403),
    PEER_NOT_FOUND(105, "peer_not_found", "Peer not found on your network", false, 404),
    RATE_LIMITED(200, "rate_limited", "Rate limit exceeded", true, 429),
    SLOW_CONSUMER(201, "slow_consumer", "Too many undelivered messages", true, 503),
    INTERNAL(300, "internal", "Internal server error", true, 500),
    SHUTTING_DOWN(301, "shutting_down", "Server is shutting down", true, 503),
    UNAVAILABLE(302, "unavailable", "Service temporarily unavailable", true, 503);

    private final int code;
    private final String wireName;
    private final String message;
    private final boolean temporary;
    private final int httpStatus;

    ErrorCode(int code, String wireName, String message, boolean temporary, int httpStatus) {
        this.code = code;
        this.wireName = wireName;
        this.message = message;
        this.temporary = temporary;
        this.httpStatus = httpStatus;
    }

    /** The stable number of this code. */
    public int code() {
        return code;
    }

    /** The stable snake-case name of this code, e.g. {@code room_full}. */
    public String wireName() {
        return wireName;
    }

    /** The default human text; dialects may replace it with their app's exact string. */
    public String message() {
        return message;
    }

    /** Whether retrying the same request later may succeed. */
    public boolean temporary() {
        return temporary;
    }

    /** The HTTP status this code maps to when it is reported over HTTP. */
    public int httpStatus() {
        return httpStatus;
    }
}
