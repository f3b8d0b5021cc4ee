package io.switchboard.server.http.privydrop;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.switchboard.server.http.HttpResponses;
import io.switchboard.server.http.IpRateLimiter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JSON answers the PrivyDrop routes share, and the glue from a service stage to a response. */
final class Replies {
    static final String INTERNAL_ERROR = "{\"error\":\"Internal server error\"}";
    static final String TOO_MANY_REQUESTS = "{\"error\":\"Too many requests\"}";
    static final String INVALID_JSON = "{\"error\":\"Invalid JSON\"}";
    static final String SUCCESS = "{\"success\":true}";

    private static final Logger log = LoggerFactory.getLogger(PrivyDropRoutes.class);

    private Replies() {}

    /** A JSON response ({@code application/json; charset=utf-8}). */
    static FullHttpResponse json(HttpResponseStatus status, String body) {
        return HttpResponses.json(status, body);
    }

    /** An already completed JSON answer. */
    static CompletionStage<FullHttpResponse> now(HttpResponseStatus status, String body) {
        return HttpResponses.now(json(status, body));
    }

    /** 500 {@code {"error":"Internal server error"}}. */
    static FullHttpResponse internalError() {
        return json(HttpResponseStatus.INTERNAL_SERVER_ERROR, INTERNAL_ERROR);
    }

    /** 400 {@code {"error":"Invalid JSON"}}. */
    static CompletionStage<FullHttpResponse> invalidJson() {
        return now(HttpResponseStatus.BAD_REQUEST, INVALID_JSON);
    }

    /** 429 {@code {"error":"Too many requests"}} with {@code Retry-After} for {@code ip}. */
    static CompletionStage<FullHttpResponse> tooManyRequests(IpRateLimiter limiter, String ip) {
        FullHttpResponse response = json(HttpResponseStatus.TOO_MANY_REQUESTS, TOO_MANY_REQUESTS);
        response.headers().set(HttpHeaderNames.RETRY_AFTER, Long.toString(limiter.retryAfterSeconds(ip)));
        return HttpResponses.now(response);
    }

    /**
     * Calls the service and turns its stage into a response: {@code ok} for a value, {@code failed} when the call
     * throws, returns no stage, fails, or {@code ok} itself throws. Failures are logged at WARN as {@code what}.
     */
    static <T> CompletionStage<FullHttpResponse> answer(
            String what,
            Supplier<? extends CompletionStage<T>> call,
            Function<? super T, FullHttpResponse> ok,
            Supplier<FullHttpResponse> failed) {
        CompletionStage<T> stage;
        try {
            stage = call.get();
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        if (stage == null) {
            stage = CompletableFuture.failedFuture(new IllegalStateException(what + ": the service returned no stage"));
        }
        return stage.handle((value, failure) -> {
            if (failure == null) {
                try {
                    return ok.apply(value);
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            log.warn("privydrop {} failed", what, failure);
            return failed.get();
        });
    }
}
