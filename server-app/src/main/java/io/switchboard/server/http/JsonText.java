package io.switchboard.server.http;

import io.switchboard.protocol.ByteArraySink;
import io.switchboard.protocol.json.JsonBytes;

/** Small JSON text helpers for ops responses (which are not on the hot path). */
public final class JsonText {
    private JsonText() {}

    /** {@code value} as a quoted, escaped JSON string. */
    public static String quote(String value) {
        ByteArraySink sink = new ByteArraySink(value.length() + 8);
        JsonBytes.writeString(sink, value);
        return sink.toString();
    }
}
