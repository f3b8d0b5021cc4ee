package io.switchboard.server.http;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.switchboard.core.Nullable;
import io.switchboard.core.network.ClientAddress;
import java.nio.charset.StandardCharsets;

/** Builds requests for routes and reads their answers into plain values, releasing the response buffer. */
final class RouteFixtures {
    static final String CLIENT_IP = "203.0.113.7";

    private RouteFixtures() {}

    /** A request from {@link #CLIENT_IP} with headers given as alternating names and values. */
    static HttpRequestContext request(HttpMethod method, String uri, String... headerNamesAndValues) {
        DefaultFullHttpRequest request =
                new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri, Unpooled.EMPTY_BUFFER);
        for (int i = 0; i < headerNamesAndValues.length; i += 2) {
            request.headers().add(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
        }
        return new HttpRequestContext(request, new QueryStringDecoder(uri), ClientAddress.parse(CLIENT_IP));
    }

    /** Calls {@code route} and returns its (already completed) answer. */
    static Answer call(Route route, HttpRequestContext request) {
        FullHttpResponse response = route.handle(request).toCompletableFuture().join();
        try {
            return new Answer(
                    response.status().code(),
                    new DefaultHttpHeaders().set(response.headers()),
                    response.content().toString(StandardCharsets.UTF_8));
        } finally {
            response.release();
        }
    }

    /** A response read into values. */
    record Answer(int status, HttpHeaders headers, String body) {
        @Nullable
        String header(CharSequence name) {
            return headers.get(name);
        }
    }
}
