package io.switchboard.server.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.core.telemetry.TelemetryEvent;
import io.switchboard.server.testing.JsonTree;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlightStoriesTest {
    private static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final RecordingTelemetry out = new RecordingTelemetry();
    private final FlightStories stories = new FlightStories(out, clock, FlightStories.DEFAULT_STALE_AFTER);

    @Test
    void endedFlightEmitsTheCompleteStoryAndForgetsIt() {
        stories.accept(
                TelemetryEvent.info("flight:created", "flightCode", "ABC123", "creatorId", "c1", "createdAt", T0));
        clock.advance(Duration.ofSeconds(5));
        stories.accept(joined("ABC123", "j1", "Bob", clock.instant()));
        clock.advance(Duration.ofSeconds(50));
        stories.accept(disconnected("j1", "ABC123", 7));
        clock.advance(Duration.ofMillis(6_600));
        stories.accept(disconnected("c1", "ABC123", 5));
        stories.accept(TelemetryEvent.info("flight:ended", "flightCode", "ABC123", "reason", "all_members_left"));

        assertEquals(1, out.events().size());
        TelemetryEvent event = out.events().get(0);
        assertEquals(FlightStories.COMPLETE, event.name());
        assertEquals("📜 FLIGHT STORY COMPLETE", event.name());
        assertEquals(TelemetryEvent.Level.INFO, event.level());
        Map<String, Object> meta = ordered(
                "flightCode", "ABC123",
                "startTime", "2024-05-01T12:00:00.000Z",
                "creatorId", "c1",
                "endTime", "2024-05-01T12:01:01.600Z",
                "endReason", "all_members_left");
        Map<String, Object> participant = ordered(
                "id", "j1",
                "name", "Bob",
                "ip", "203.0.113.5",
                "connectionType", "wan",
                "joinedAt", "2024-05-01T12:00:05.000Z");
        List<Object> timeline = List.of(
                ordered(
                        "event", "peer_joined",
                        "at", "2024-05-01T12:00:05.000Z",
                        "id", "j1",
                        "name", "Bob",
                        "connectionType", "wan"),
                ordered(
                        "event", "participant_disconnected",
                        "at", "2024-05-01T12:00:55.000Z",
                        "clientId", "j1",
                        "signalsSent", 7),
                ordered(
                        "event", "participant_disconnected",
                        "at", "2024-05-01T12:01:01.600Z",
                        "clientId", "c1",
                        "signalsSent", 5));
        Map<String, Object> expected = ordered(
                "meta",
                meta,
                "participants",
                List.of(participant),
                "timeline",
                timeline,
                "stats",
                ordered("signalsExchanged", 12L, "durationSeconds", 62L));
        assertEquals(expected, event.field("story"));
        assertEquals(0, stories.openStories());
    }

    @Test
    void storyIsRenderedAsNestedJsonByTheEventLog() {
        LogRing ring = new LogRing(10);
        EventLog log = new EventLog(ring, clock);
        log.addListener(new FlightStories(log, clock, FlightStories.DEFAULT_STALE_AFTER));

        log.emit(TelemetryEvent.info("flight:created", "flightCode", "XYZ789", "creatorId", "c1"));
        log.emit(TelemetryEvent.info("flight:ended", "flightCode", "XYZ789", "reason", "all_members_left"));

        String[] lines = ring.joined().split("\n", -1);
        assertEquals(3, lines.length);
        Map<String, Object> story = JsonTree.object(lines[2]);
        assertEquals(FlightStories.COMPLETE, story.get("message"));
        Map<?, ?> body = (Map<?, ?>) story.get("story");
        assertEquals(List.of("meta", "participants", "timeline", "stats"), List.copyOf(body.keySet()));
        assertEquals("XYZ789", ((Map<?, ?>) body.get("meta")).get("flightCode"));
        assertEquals(Map.of("signalsExchanged", 0L, "durationSeconds", 0L), body.get("stats"));
    }

    @Test
    void sweepClosesOnlyStoriesOlderThanStaleAfter() {
        stories.accept(TelemetryEvent.info("flight:created", "flightCode", "OLD111", "creatorId", "c1"));
        clock.advance(Duration.ofHours(1));
        stories.accept(TelemetryEvent.info("flight:created", "flightCode", "NEW222", "creatorId", "c2"));
        clock.advance(Duration.ofHours(1));

        stories.sweep();
        assertTrue(out.events().isEmpty(), "exactly 2 h old is not yet stale");

        clock.advance(Duration.ofMillis(1));
        stories.sweep();

        assertEquals(1, out.events().size());
        TelemetryEvent event = out.events().get(0);
        assertEquals(FlightStories.STALE, event.name());
        assertEquals("FLIGHT STORY STALE", event.name());
        Map<?, ?> meta = (Map<?, ?>) ((Map<?, ?>) event.field("story")).get("meta");
        assertEquals("OLD111", meta.get("flightCode"));
        assertEquals("stale_cleanup", meta.get("endReason"));
        assertEquals("2024-05-01T14:00:00.001Z", meta.get("endTime"));
        assertEquals(
                Map.of("signalsExchanged", 0L, "durationSeconds", 7200L),
                ((Map<?, ?>) event.field("story")).get("stats"));
        assertEquals(1, stories.openStories());
    }

    @Test
    void openingOneStoryTooManyClosesTheOldestAsStale() {
        FlightStories bounded = new FlightStories(out, clock, FlightStories.DEFAULT_STALE_AFTER, 2);

        bounded.accept(TelemetryEvent.info("flight:created", "flightCode", "AAA111"));
        bounded.accept(TelemetryEvent.info("flight:created", "flightCode", "BBB222"));
        bounded.accept(TelemetryEvent.info("flight:created", "flightCode", "CCC333"));

        assertEquals(1, out.events().size());
        assertEquals(FlightStories.STALE, out.events().get(0).name());
        Map<?, ?> meta = (Map<?, ?>) ((Map<?, ?>) out.events().get(0).field("story")).get("meta");
        assertEquals("AAA111", meta.get("flightCode"));
        assertEquals("stale_cleanup", meta.get("endReason"));
        assertEquals(2, bounded.openStories());
    }

    @Test
    void eventsForUnknownFlightsAndOtherEventsAreIgnored() {
        stories.accept(joined("NOPE00", "j1", "Bob", T0));
        stories.accept(disconnected("j1", "NOPE00", 3));
        stories.accept(TelemetryEvent.info("flight:ended", "flightCode", "NOPE00", "reason", "all_members_left"));
        stories.accept(TelemetryEvent.info("client:connected", "clientId", "c1"));
        stories.accept(TelemetryEvent.info(FlightStories.COMPLETE, "story", Map.of()));

        assertTrue(out.events().isEmpty());
        assertEquals(0, stories.openStories());
    }

    @Test
    void secondCreateForAnOpenFlightKeepsTheFirstStory() {
        stories.accept(TelemetryEvent.info("flight:created", "flightCode", "ABC123", "creatorId", "first"));
        stories.accept(TelemetryEvent.info("flight:created", "flightCode", "ABC123", "creatorId", "second"));
        stories.accept(TelemetryEvent.info("flight:ended", "flightCode", "ABC123"));

        Map<?, ?> meta = (Map<?, ?>) ((Map<?, ?>) out.events().get(0).field("story")).get("meta");
        assertEquals("first", meta.get("creatorId"));
        assertEquals("clean_end", meta.get("endReason"));
    }

    @Test
    void epochMillisCreatedAtIsTheStartTime() {
        stories.accept(TelemetryEvent.info(
                "flight:created",
                "flightCode",
                "ABC123",
                "createdAt",
                T0.minusSeconds(30).toEpochMilli()));
        stories.accept(TelemetryEvent.info("flight:ended", "flightCode", "ABC123"));

        Map<?, ?> story = (Map<?, ?>) out.events().get(0).field("story");
        assertEquals("2024-05-01T11:59:30.000Z", ((Map<?, ?>) story.get("meta")).get("startTime"));
        assertEquals(30L, ((Map<?, ?>) story.get("stats")).get("durationSeconds"));
    }

    @Test
    void nonPositiveStaleAfterIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FlightStories(out, clock, Duration.ZERO));
    }

    private static TelemetryEvent joined(String flightCode, String joinerId, String name, Instant at) {
        return TelemetryEvent.info(
                "flight:joined",
                "flightCode",
                flightCode,
                "joinerId",
                joinerId,
                "joinerName",
                name,
                "ip",
                "203.0.113.5",
                "connectionType",
                "wan",
                "joinedAt",
                at);
    }

    private static TelemetryEvent disconnected(String clientId, String flightCode, int signalsSent) {
        return TelemetryEvent.info(
                "client:disconnected", "clientId", clientId, "flightCode", flightCode, "signalsSent", signalsSent);
    }

    private static Map<String, Object> ordered(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }
}
