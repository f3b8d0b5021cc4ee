package io.switchboard.server.http.privydrop;

import static io.switchboard.server.http.privydrop.PrivyDropServer.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.switchboard.core.Nullable;
import io.switchboard.protocol.json.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonBodyTest {
    private static final Set<String> NAMES = Set.of("roomId", "socketId");

    private static @Nullable JsonBody parse(String body) {
        return JsonBody.parse(body.getBytes(StandardCharsets.UTF_8), NAMES);
    }

    private static @Nullable JsonBody parseRequest(String contentType, String body) {
        FullHttpRequest request = request(HttpMethod.POST, "/api/check_room", body, "Content-Type", contentType);
        try {
            return JsonBody.parse(request, NAMES);
        } finally {
            request.release();
        }
    }

    @Test
    void stringFieldsAmongTheNamesAreKeptAsSent() {
        JsonBody body = parse("{\"roomId\":\" a\\u00e9\\\"\",\"socketId\":\"\",\"other\":\"x\"}");
        assertNotNull(body);
        assertEquals(" aé\"", body.text("roomId"));
        assertEquals("", body.text("socketId"));
        assertNull(body.present("socketId"), "empty counts as missing, like JavaScript's !value");
        assertNull(body.text("other"), "only the named fields are kept");
    }

    @Test
    void fieldsOfAnotherTypeCountAsMissingAndTheLastDuplicateWins() {
        JsonBody body = parse("{\"roomId\":\"a\",\"roomId\":5,\"socketId\":{\"x\":1},\"socketId\":\"b\"}");
        assertNotNull(body);
        assertNull(body.text("roomId"));
        assertEquals("b", body.text("socketId"));
    }

    @Test
    void nestedFieldsAreNotTopLevelFields() {
        JsonBody body = parse("{\"x\":{\"roomId\":\"a\"},\"y\":[\"roomId\",\"b\"]}");
        assertNotNull(body);
        assertNull(body.text("roomId"));
    }

    @Test
    void anArrayIsValidButHasNoFields() {
        JsonBody body = parse("[{\"roomId\":\"a\"}]");
        assertNotNull(body);
        assertNull(body.text("roomId"));
    }

    @Test
    void aUtf8ByteOrderMarkIsSkippedAsExpressDoes() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bom, 0, 3);
        byte[] json = "{\"roomId\":\"a\"}".getBytes(StandardCharsets.UTF_8);
        out.write(json, 0, json.length);
        JsonBody body = JsonBody.parse(out.toByteArray(), NAMES);
        assertNotNull(body);
        assertEquals("a", body.text("roomId"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                " ",
                "null",
                "\"roomId\"",
                "5",
                "true",
                "{",
                "{\"roomId\":\"a\"",
                "{\"roomId\":\"a\"}}",
                "{\"roomId\":\"a\"} {}",
                "{'roomId':'a'}",
                "{roomId:\"a\"}",
                "{\"roomId\":\"a\",}",
                "{\"roomId\":NaN}",
                "{\"roomId\":\"a\u0001\"}"
            })
    void malformedOrNonContainerBodiesAreRefused(String body) {
        assertNull(parse(body));
    }

    @Test
    void nestingBeyondTheSharedLimitIsRefused() {
        int depth = Json.MAX_NESTING_DEPTH + 1;
        assertNull(parse("[".repeat(depth) + "]".repeat(depth)));
    }

    @Test
    void otherEncodingsAreRefused() {
        String json = "{\"roomId\":\"a\"}";
        assertNull(JsonBody.parse(json.getBytes(StandardCharsets.UTF_16BE), NAMES));
        assertNull(JsonBody.parse(json.getBytes(StandardCharsets.UTF_16LE), NAMES));
        assertNull(JsonBody.parse(json.getBytes(Charset.forName("UTF-32LE")), NAMES));
    }

    @Test
    void invalidUtf8IsRefused() {
        byte[] body = {'{', '"', 'r', 'o', 'o', 'm', 'I', 'd', '"', ':', '"', (byte) 0xFF, '"', '}'};
        assertNull(JsonBody.parse(body, Set.of("roomId")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "application/json",
                "application/json; charset=utf-8",
                "APPLICATION/JSON",
                "application/json ; charset=UTF-8"
            })
    void jsonContentTypesAreParsed(String contentType) {
        JsonBody body = parseRequest(contentType, "{\"roomId\":\"a\"}");
        assertNotNull(body);
        assertEquals("a", body.text("roomId"));
        assertNull(parseRequest(contentType, "{"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/jsonp", "json", ""})
    void otherContentTypesAreNotParsedEvenWhenMalformed(String contentType) {
        assertSame(JsonBody.EMPTY, parseRequest(contentType, "{\"roomId\":\"a\"}"));
        assertSame(JsonBody.EMPTY, parseRequest(contentType, "{"));
    }

    @Test
    void anEmptyJsonBodyIsAnEmptyObject() {
        assertSame(JsonBody.EMPTY, parseRequest("application/json", ""));
    }
}
