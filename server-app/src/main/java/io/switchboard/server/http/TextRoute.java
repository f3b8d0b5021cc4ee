package io.switchboard.server.http;

import static java.util.Objects.requireNonNull;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.concurrent.CompletionStage;

/**
 * Answers 200 {@code text/plain} with a fixed body: DropSilk's {@code GET /} ({@code Server is alive and waiting for
 * WebSocket connections.}) and {@code GET /keep-alive} ({@code OK}). Thread-safe.
 */
public final class TextRoute implements Route {
    private final String body;

    /** Answers with {@code body}. */
    public TextRoute(String body) {
        this.body = requireNonNull(body, "body");
    }

    @Override
    public CompletionStage<FullHttpResponse> handle(HttpRequestContext request) {
        return HttpResponses.now(HttpResponses.text(HttpResponseStatus.OK, body));
    }
}
