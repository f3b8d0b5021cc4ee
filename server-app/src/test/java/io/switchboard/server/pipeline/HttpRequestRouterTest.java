package io.switchboard.server.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.switchboard.core.network.TrustedProxies;
import io.switchboard.server.ServerState;
import io.switchboard.server.http.CorsPolicy;
import io.switchboard.server.http.HttpResponses;
import io.switchboard.server.http.RouteTable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpRequestRouterTest {
    private final ServerState state = new ServerState();
    private final HttpRequestRouter router = new HttpRequestRouter(
            RouteTable.builder()
                    .get(
                            "/hello",
                            r -> HttpResponses.now(
                                    HttpResponses.text(io.netty.handler.codec.http.HttpResponseStatus.OK, "hi")))
                    .get("/broken", r -> {
                        throw new IllegalStateException("bug");
                    })
                    .build(),
            new CorsPolicy(List.of("http://localhost:5173")),
            TrustedProxies.NONE,
            state);

    @Test
    void aKnownPathIsAnswered() {
        assertResponse(get("/hello"), 200, "hi");
    }

    @Test
    void anUnknownPathGets404NotFound() {
        assertResponse(get("/nope"), 404, "Not Found");
    }

    @Test
    void aFailingRouteGets500AndTheChannelLivesOn() {
        EmbeddedChannel ch = new EmbeddedChannel(router);
        ch.writeInbound(request("/broken"));
        FullHttpResponse response = ch.readOutbound();
        assertEquals(500, response.status().code());
        response.release();
        ch.writeInbound(request("/hello"));
        FullHttpResponse ok = ch.readOutbound();
        assertEquals(200, ok.status().code());
        ok.release();
        assertFalse(ch.finish());
    }

    @Test
    void anUpgradeFromAForeignOriginGets403() {
        FullHttpRequest upgrade = upgrade("https://evil.example");
        assertResponse(upgrade, 403, "Forbidden: Invalid Origin");
    }

    @Test
    void anUpgradeFromAnAllowedOriginIsPassedOn() {
        EmbeddedChannel ch = new EmbeddedChannel(router);
        FullHttpRequest upgrade = upgrade("http://localhost:5173");
        ch.writeInbound(upgrade);
        FullHttpRequest passed = ch.readInbound();
        assertSame(upgrade, passed);
        passed.release();
        assertNull(ch.readOutbound());
        assertFalse(ch.finish());
    }

    @Test
    void anUpgradeWhileDrainingGets503() {
        state.startDraining();
        assertResponse(upgrade(null), 503, "Server shutting down");
    }

    private void assertResponse(FullHttpRequest request, int status, String body) {
        EmbeddedChannel ch = new EmbeddedChannel(router);
        ch.writeInbound(request);
        FullHttpResponse response = ch.readOutbound();
        assertEquals(status, response.status().code());
        assertEquals(body, response.content().toString(StandardCharsets.UTF_8));
        response.release();
        ch.finishAndReleaseAll();
    }

    private static FullHttpRequest get(String path) {
        return request(path);
    }

    private static FullHttpRequest request(String path) {
        return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, path);
    }

    private static FullHttpRequest upgrade(String origin) {
        FullHttpRequest request = request("/");
        request.headers().set(HttpHeaderNames.UPGRADE, "websocket");
        request.headers().set(HttpHeaderNames.CONNECTION, "Upgrade");
        if (origin != null) {
            request.headers().set(HttpHeaderNames.ORIGIN, origin);
        }
        return request;
    }
}
