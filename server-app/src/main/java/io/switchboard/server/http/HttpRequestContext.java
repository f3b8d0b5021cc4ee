package io.switchboard.server.http;

import static java.util.Objects.requireNonNull;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.switchboard.core.Nullable;
import io.switchboard.core.network.ClientAddress;
import java.util.List;

/**
 * One request as a route sees it: the aggregated request (valid only during {@link Route#handle}, its body is
 * released afterwards), the decoded query, and the client's address after the trusted-proxy rules.
 */
public record HttpRequestContext(FullHttpRequest request, QueryStringDecoder query, ClientAddress client) {
    /** All fields are required. */
    public HttpRequestContext {
        requireNonNull(request, "request");
        requireNonNull(query, "query");
        requireNonNull(client, "client");
    }

    /** The first value of query parameter {@code name}, or null. */
    public @Nullable String queryParam(String name) {
        List<String> values = query.parameters().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The value of header {@code name}, or null. */
    public @Nullable String header(CharSequence name) {
        return request.headers().get(name);
    }
}
