package io.switchboard.server.http.privydrop;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.switchboard.core.Nullable;
import io.switchboard.protocol.json.Json;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The string fields of a request body, read the way Express's {@code express.json()} sees it:
 *
 * <ul>
 *   <li>a body is parsed only when its {@code Content-Type} is {@code application/json} (any parameters); any other
 *       type, and an empty body, count as {@code {}};
 *   <li>the body must be one JSON object or array (a leading UTF-8 byte order mark is skipped), else it is malformed;
 *   <li>only top-level fields named by the caller are kept, and only string values: a field of another type counts
 *       as missing; with duplicate keys the last one wins, as with {@code JSON.parse}.
 * </ul>
 *
 * <p>One streaming pass with the shared hostile-input limits of {@link Json#FACTORY}.
 */
final class JsonBody {
    static final JsonBody EMPTY = new JsonBody(Map.of());

    private static final String JSON = "application/json";

    private final Map<String, String> strings;

    private JsonBody(Map<String, String> strings) {
        this.strings = strings;
    }

    /** The body's fields among {@code names}, or null when it is declared JSON but is not. */
    static @Nullable JsonBody parse(FullHttpRequest request, Set<String> names) {
        CharSequence mime = HttpUtil.getMimeType(request);
        if (mime == null || !JSON.equals(mime.toString().trim().toLowerCase(Locale.ROOT))) {
            return EMPTY;
        }
        if (!request.content().isReadable()) {
            return EMPTY;
        }
        return parse(ByteBufUtil.getBytes(request.content()), names);
    }

    /** The fields among {@code names} of the JSON text in {@code body}, or null when it is malformed. */
    static @Nullable JsonBody parse(byte[] body, Set<String> names) {
        int start = body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF
                ? 3
                : 0;
        if (!startsWithContainer(body, start)) {
            return null;
        }
        try (JsonParser parser = Json.FACTORY.createParser(body, start, body.length - start)) {
            Map<String, String> fields = new HashMap<>();
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (names.contains(name) && value == JsonToken.VALUE_STRING) {
                        fields.put(name, parser.getText());
                    } else {
                        fields.remove(name);
                        parser.skipChildren();
                    }
                }
            } else {
                parser.skipChildren(); // an array is valid JSON but has no fields
            }
            return parser.nextToken() == null ? new JsonBody(fields) : null;
        } catch (IOException | RuntimeException e) {
            return null; // jackson reports malformed input and broken limits as exceptions
        }
    }

    /** The string value of {@code name} as sent, or null. */
    @Nullable
    String text(String name) {
        return strings.get(name);
    }

    /** The string value of {@code name} if it is not empty, else null (JavaScript's {@code !value} test). */
    @Nullable
    String present(String name) {
        String value = strings.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    private static boolean startsWithContainer(byte[] body, int start) {
        // jackson takes a zero byte among the first four for UTF-16/32; in UTF-8 JSON a zero byte is never valid.
        for (int i = start; i < Math.min(start + 4, body.length); i++) {
            if (body[i] == 0) {
                return false;
            }
        }
        for (int i = start; i < body.length; i++) {
            byte b = body[i];
            if (b == '{' || b == '[') {
                return true;
            }
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return false;
    }
}
