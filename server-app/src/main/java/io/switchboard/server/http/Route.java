package io.switchboard.server.http;

import io.netty.handler.codec.http.FullHttpResponse;
import java.util.concurrent.CompletionStage;

/**
 * One HTTP endpoint. Called on the connection's event loop; it must not block. A route that needs a store returns an
 * incomplete stage and completes it from the store's thread; the router writes the response on the channel's loop.
 * A route never throws for bad input: it answers 4xx. A thrown exception or failed stage becomes a 500.
 */
@FunctionalInterface
public interface Route {
    /** Answers {@code request}. The response's buffer is released by whoever writes it. */
    CompletionStage<FullHttpResponse> handle(HttpRequestContext request);
}
