package io.switchboard.server.metrics;

import static java.util.Objects.requireNonNull;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.switchboard.server.http.HttpRequestContext;
import io.switchboard.server.http.HttpResponses;
import io.switchboard.server.http.Route;
import java.util.concurrent.CompletionStage;

/**
 * {@code GET /metrics}: 200 with every metric of the server in the Prometheus text format 0.0.4 ({@code text/plain;
 * version=0.0.4; charset=utf-8}). Scraping runs on the event loop; it reads counters and a few JVM beans and does not
 * block.
 */
final class MetricsRoute implements Route {
    private final SwitchboardMetrics metrics;

    MetricsRoute(SwitchboardMetrics metrics) {
        this.metrics = requireNonNull(metrics, "metrics");
    }

    @Override
    public CompletionStage<FullHttpResponse> handle(HttpRequestContext request) {
        FullHttpResponse response =
                HttpResponses.of(HttpResponseStatus.OK, SwitchboardMetrics.CONTENT_TYPE, metrics.scrape());
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
        return HttpResponses.now(response);
    }
}
