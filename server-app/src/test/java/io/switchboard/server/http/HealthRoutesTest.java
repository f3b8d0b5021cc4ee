package io.switchboard.server.http;

import static io.switchboard.server.http.RouteFixtures.call;
import static io.switchboard.server.http.RouteFixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.switchboard.server.http.RouteFixtures.Answer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class HealthRoutesTest {
    @Test
    void livezIsAlwaysOk() {
        Answer answer = call(HealthRoutes.livez(), request(HttpMethod.GET, "/livez"));

        assertEquals(200, answer.status());
        assertEquals("{\"status\":\"ok\"}", answer.body());
        assertEquals("no-store", answer.header(HttpHeaderNames.CACHE_CONTROL));
    }

    @Test
    void readyzFollowsTheSupplier() {
        AtomicBoolean ready = new AtomicBoolean(false);
        Route route = HealthRoutes.readyz(ready::get);

        Answer notReady = call(route, request(HttpMethod.GET, "/readyz"));
        assertEquals(503, notReady.status());
        assertEquals("{\"status\":\"not_ready\"}", notReady.body());
        assertEquals("no-store", notReady.header(HttpHeaderNames.CACHE_CONTROL));

        ready.set(true);
        Answer isReady = call(route, request(HttpMethod.GET, "/readyz"));
        assertEquals(200, isReady.status());
        assertEquals("{\"status\":\"ready\"}", isReady.body());
        assertEquals("no-store", isReady.header(HttpHeaderNames.CACHE_CONTROL));
    }
}
