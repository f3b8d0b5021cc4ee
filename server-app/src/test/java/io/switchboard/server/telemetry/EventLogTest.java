package io.switchboard.server.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.switchboard.core.telemetry.TelemetryEvent;
import io.switchboard.server.testing.JsonTree;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class EventLogTest {
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    private final LogRing ring = new LogRing(10);
    private final EventLog log = new EventLog(ring, Clock.fixed(NOW, ZoneOffset.UTC));
    private final Logger events = (Logger) LoggerFactory.getLogger(EventLog.LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Level previousLevel;

    @BeforeEach
    void captureEventLogger() {
        previousLevel = events.getLevel();
        events.setLevel(Level.DEBUG);
        appender.start();
        events.addAppender(appender);
    }

    @AfterEach
    void restoreEventLogger() {
        events.detachAppender(appender);
        events.setLevel(previousLevel);
    }

    @Test
    void infoEventBecomesOneJsonLineWithTimestampLevelMessageThenFields() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("name", "Bob");
        nested.put("ports", List.of(1, 2));
        nested.put("gone", null);

        log.emit(TelemetryEvent.info(
                "flight:joined",
                "flightCode",
                "ABC123",
                "count",
                3,
                "ratio",
                0.5,
                "lan",
                true,
                "missing",
                null,
                "at",
                Instant.parse("2024-05-01T11:59:00Z"),
                "peer",
                nested));

        assertEquals(1, ring.size());
        String line = ring.joined();
        assertEquals(
                "{\"timestamp\":\"2024-05-01T12:00:00.000Z\",\"level\":\"info\",\"message\":\"flight:joined\","
                        + "\"flightCode\":\"ABC123\",\"count\":3,\"ratio\":0.5,\"lan\":true,\"missing\":null,"
                        + "\"at\":\"2024-05-01T11:59:00Z\",\"peer\":{\"name\":\"Bob\",\"ports\":[1,2],\"gone\":null}}",
                line);
        Map<String, Object> parsed = JsonTree.object(line);
        assertEquals(
                List.of(
                        "timestamp",
                        "level",
                        "message",
                        "flightCode",
                        "count",
                        "ratio",
                        "lan",
                        "missing",
                        "at",
                        "peer"),
                new ArrayList<>(parsed.keySet()));
        assertEquals(3L, parsed.get("count"));
        assertEquals(nested.keySet(), ((Map<?, ?>) parsed.get("peer")).keySet());
        assertEquals(List.of(1L, 2L), ((Map<?, ?>) parsed.get("peer")).get("ports"));
    }

    @Test
    void lineIsLoggedThroughTheEventsLoggerAtTheEventsLevel() {
        log.emit(TelemetryEvent.warn("system:log_access", "status", "unauthorized", "ip", "203.0.113.9"));

        assertEquals(1, appender.list.size());
        ILoggingEvent logged = appender.list.get(0);
        assertEquals(Level.WARN, logged.getLevel());
        assertEquals(ring.joined(), logged.getFormattedMessage());
        assertEquals("warn", JsonTree.object(ring.joined()).get("level"));
    }

    @Test
    void debugEventIsLoggedAtDebugButKeptOutOfTheRing() {
        log.emit(TelemetryEvent.debug("flight:signal", "flightCode", "ABC123"));

        assertEquals(0, ring.size());
        assertEquals(1, appender.list.size());
        assertEquals(Level.DEBUG, appender.list.get(0).getLevel());
        assertEquals(
                "debug",
                JsonTree.object(appender.list.get(0).getFormattedMessage()).get("level"));
    }

    @Test
    void debugEventIsNotRenderedWhenDebugIsOff() {
        events.setLevel(Level.INFO);

        log.emit(TelemetryEvent.debug("system:heartbeat"));

        assertEquals(0, ring.size());
        assertTrue(appender.list.isEmpty());
    }

    @Test
    void listenersSeeEveryEventIncludingDebugOnes() {
        List<String> seen = new ArrayList<>();
        log.addListener(event -> seen.add(event.name()));

        log.emit(TelemetryEvent.info("flight:created", "flightCode", "ABC123"));
        log.emit(TelemetryEvent.debug("flight:signal", "flightCode", "ABC123"));

        assertEquals(List.of("flight:created", "flight:signal"), seen);
    }

    @Test
    void throwingListenerIsContainedAndLaterListenersStillRun() {
        List<String> seen = new ArrayList<>();
        log.addListener(event -> {
            throw new IllegalStateException("listener bug");
        });
        log.addListener(event -> seen.add(event.name()));

        log.emit(TelemetryEvent.info("client:connected", "clientId", "c1"));

        assertEquals(List.of("client:connected"), seen);
        assertEquals(1, ring.size());
    }

    @Test
    void fieldNamedLikeALineKeyCannotShadowIt() {
        log.emit(TelemetryEvent.info("http:error", "message", "boom", "level", 3));

        Map<String, Object> parsed = JsonTree.object(ring.joined());
        assertEquals("http:error", parsed.get("message"));
        assertEquals("boom", parsed.get("_message"));
        assertEquals("info", parsed.get("level"));
        assertEquals(3L, parsed.get("_level"));
    }

    @Test
    void nonFiniteNumbersAndUnknownObjectsStayValidJson() {
        log.emit(TelemetryEvent.info(
                "system:error",
                "nan",
                Double.NaN,
                "array",
                new Object[] {"a", null},
                "other",
                java.time.Duration.ofSeconds(5)));

        Map<String, Object> parsed = JsonTree.object(ring.joined());
        assertNull(parsed.get("nan"));
        assertTrue(parsed.containsKey("nan"));
        assertEquals(java.util.Arrays.asList("a", null), parsed.get("array"));
        assertEquals("PT5S", parsed.get("other"));
    }

    @Test
    void selfContainingMapIsCutAtTheDepthLimit() {
        Map<String, Object> loop = new LinkedHashMap<>();
        loop.put("self", loop);

        log.emit(TelemetryEvent.info("system:error", "loop", loop));

        assertTrue(ring.joined().contains("\"[too deep]\""), ring.joined());
        JsonTree.object(ring.joined());
    }
}
