package io.switchboard.server.http.privydrop;

import static io.switchboard.server.http.privydrop.PrivyDropServer.CLIENT_IP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.switchboard.server.http.privydrop.PrivyDropServer.Answer;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ClientLogRouteTest {
    private static final String PATH = "/api/logs_debug";

    private final PrivyDropServer server = new PrivyDropServer();
    private final Logger clientLogs = (Logger) LoggerFactory.getLogger(ClientLogRoute.LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Level previousLevel;
    private boolean previousAdditive;

    @BeforeEach
    void captureClientLogs() {
        previousLevel = clientLogs.getLevel();
        previousAdditive = clientLogs.isAdditive();
        clientLogs.setLevel(Level.INFO);
        clientLogs.setAdditive(false); // keep forged lines out of the build output
        appender.start();
        clientLogs.addAppender(appender);
    }

    @AfterEach
    void restoreClientLogs() {
        clientLogs.detachAppender(appender);
        clientLogs.setLevel(previousLevel);
        clientLogs.setAdditive(previousAdditive);
    }

    private List<String> lines() {
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void aClientLogBecomesOneInfoLineWithTheClientIpAndAnswersSuccess() {
        Answer answer =
                server.post(PATH, "{\"message\":\"[Recipient] joined room 1234\",\"timestamp\":\"2024-05-01T12:00Z\"}");

        assertEquals(200, answer.status());
        assertEquals("{\"success\":true}", answer.body());
        assertEquals(
                List.of("logs_debug ip=" + CLIENT_IP
                        + " timestamp=2024-05-01T12:00Z message=[Recipient] joined room 1234"),
                lines());
        assertEquals(Level.INFO, appender.list.get(0).getLevel());
        assertEquals(ClientLogRoute.LOGGER_NAME, appender.list.get(0).getLoggerName());
    }

    @Test
    void forgedLogLinesAndTerminalEscapesAreEscapedIntoOneLine() {
        server.post(
                PATH,
                "{\"message\":\"ok\\n12:00:00.000 ERROR [main] root - forged\\r\\u001b[31mred\\u2028\\u202e\\\\n\","
                        + "\"timestamp\":\"t\\nx\"}");

        assertEquals(
                List.of("logs_debug ip=" + CLIENT_IP + " timestamp=t\\nx message=ok\\n12:00:00.000 ERROR [main] root"
                        + " - forged\\r\\u001b[31mred\\u2028\\u202e\\\\n"),
                lines());
    }

    @Test
    void missingOrIllTypedFieldsAreLoggedAsADash() {
        server.post(PATH, "{\"message\":{\"nested\":true},\"timestamp\":5}");
        server.post(PATH, "");

        assertEquals(
                List.of(
                        "logs_debug ip=" + CLIENT_IP + " timestamp=- message=-",
                        "logs_debug ip=" + CLIENT_IP + " timestamp=- message=-"),
                lines());
    }

    @Test
    void longMessagesAreCutAt4000CharsAndMarked() {
        String message = "m".repeat(3999) + "😀" + "tail";
        server.post(PATH, "{\"message\":\"" + message + "\"}");

        String line = lines().get(0);
        String logged = line.substring(line.indexOf("message=") + "message=".length());
        assertEquals("m".repeat(3999) + "…[truncated]", logged, "a surrogate pair is never split");
        assertEquals(
                "m".repeat(4000) + "…[truncated]",
                ClientLogRoute.sanitize("m".repeat(4001), ClientLogRoute.MAX_MESSAGE_LENGTH));
        assertEquals("m".repeat(4000), ClientLogRoute.sanitize("m".repeat(4000), ClientLogRoute.MAX_MESSAGE_LENGTH));
    }

    @Test
    void malformedJsonIsRefusedAndNotLogged() {
        Answer answer = server.post(PATH, "{\"message\":");

        assertEquals(400, answer.status());
        assertEquals("{\"error\":\"Invalid JSON\"}", answer.body());
        assertTrue(lines().isEmpty());
    }

    @Test
    void theDefaultLimitIs600PerIpPerMinuteThen429AndNothingIsLogged() {
        server.clock.set(Instant.parse("2024-05-01T12:00:50Z"));
        for (int i = 0; i < PrivyDropRoutes.Limits.DEFAULTS.logsPerMinute(); i++) {
            assertEquals(200, server.post(PATH, "{\"message\":\"m\"}").status(), "request " + (i + 1));
        }

        Answer limited = server.post(PATH, "{\"message\":\"m\"}");

        assertEquals(429, limited.status());
        assertEquals("{\"error\":\"Too many requests\"}", limited.body());
        assertEquals("10", limited.header(HttpHeaderNames.RETRY_AFTER));
        assertEquals(PrivyDropRoutes.Limits.DEFAULTS.logsPerMinute(), lines().size());
    }
}
