package io.switchboard.protocol.engineio;

import java.nio.charset.StandardCharsets;

/** The HTTP errors of an Engine.IO server, with the reference server's codes, messages and statuses. */
public enum EngineIoError {
    UNKNOWN_TRANSPORT(0, "Transport unknown", 400),
    UNKNOWN_SID(1, "Session ID unknown", 400),
    BAD_HANDSHAKE_METHOD(2, "Bad handshake method", 400),
    BAD_REQUEST(3, "Bad request", 400),
    FORBIDDEN(4, "Forbidden", 403),
    UNSUPPORTED_PROTOCOL_VERSION(5, "Unsupported protocol version", 400);

    private final int code;
    private final String message;
    private final int httpStatus;

    EngineIoError(int code, String message, int httpStatus) {
        this.code = code;
        this.message = message;
        this.httpStatus = httpStatus;
    }

    /** The numeric code in the JSON body. */
    public int code() {
        return code;
    }

    /** The message in the JSON body. */
    public String message() {
        return message;
    }

    /** The HTTP status. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The JSON body: {@code {"code":N,"message":"..."}}. */
    public byte[] body() {
        return ("{\"code\":" + code + ",\"message\":\"" + message + "\"}").getBytes(StandardCharsets.US_ASCII);
    }
}
