package io.switchboard.server.http;

import static io.switchboard.server.http.RouteFixtures.call;
import static io.switchboard.server.http.RouteFixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.switchboard.server.http.RouteFixtures.Answer;
import org.junit.jupiter.api.Test;

class TextRouteTest {
    @Test
    void answersTheFixedBodyAsPlainText() {
        Answer answer = call(
                new TextRoute("Server is alive and waiting for WebSocket connections."), request(HttpMethod.GET, "/"));

        assertEquals(200, answer.status());
        assertEquals("Server is alive and waiting for WebSocket connections.", answer.body());
        assertEquals("text/plain", answer.header(HttpHeaderNames.CONTENT_TYPE));
        assertEquals("54", answer.header(HttpHeaderNames.CONTENT_LENGTH));
    }

    @Test
    void keepAliveAnswersOk() {
        assertEquals(
                "OK",
                call(new TextRoute("OK"), request(HttpMethod.GET, "/keep-alive"))
                        .body());
    }
}
