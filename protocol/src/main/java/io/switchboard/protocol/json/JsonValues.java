package io.switchboard.protocol.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.switchboard.core.Nullable;
import io.switchboard.core.message.RawJson;
import java.io.IOException;

/** Reading one field's value during a streaming pass: as text, or as the raw bytes it arrived in. */
public final class JsonValues {
    private JsonValues() {}

    /** The value as a string when it is one; any other value is skipped and gives null. */
    public static @Nullable String textOrNull(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        parser.skipChildren();
        return null;
    }

    /**
     * The current value, whatever it is, as a slice of {@code frame} (which the parser reads from {@code offset}):
     * never parsed beyond finding its end, never re-encoded.
     */
    public static RawJson raw(JsonParser parser, byte[] frame, int offset) throws IOException {
        long start = parser.currentTokenLocation().getByteOffset();
        parser.skipChildren();
        parser.finishToken();
        long end = parser.currentLocation().getByteOffset();
        return RawJson.wrap(frame, offset + (int) start, (int) (end - start));
    }
}
