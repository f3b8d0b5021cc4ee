package io.switchboard.server.telemetry;

import static java.util.Objects.requireNonNull;

import io.switchboard.core.Nullable;
import io.switchboard.core.telemetry.Telemetry;
import io.switchboard.core.telemetry.TelemetryEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * DropSilk's "flight stories" (PROTOCOLS.md §1.9): one story per flight code, folded from the flight's telemetry and
 * emitted as a single INFO event when the flight ends. Register it with {@link EventLog#addListener}.
 *
 * <ul>
 *   <li>{@code flight:created} {flightCode, creatorId, createdAt} opens a story (a second one for an open code is
 *       ignored);
 *   <li>{@code flight:joined} {flightCode, joinerId, joinerName, ip, connectionType, joinedAt} adds a participant
 *       {@code {id,name,ip,connectionType,joinedAt}} and a timeline entry {@code {event:"peer_joined",at,id,name,
 *       connectionType}};
 *   <li>{@code client:disconnected} {clientId, flightCode, signalsSent} adds a timeline entry {@code
 *       {event:"participant_disconnected",at,clientId,signalsSent}} and adds {@code signalsSent} to {@code
 *       stats.signalsExchanged};
 *   <li>{@code flight:ended} {flightCode, reason} emits {@value #COMPLETE} with field {@code story} = {@code
 *       {meta:{flightCode,startTime,creatorId,endTime,endReason}, participants, timeline,
 *       stats:{signalsExchanged,durationSeconds}}} and forgets the story; {@code endReason} is the event's {@code
 *       reason}, or {@code clean_end} without one.
 * </ul>
 *
 * <p>Every other event, its own included, is ignored. Times are ISO-8601 strings; {@code createdAt} and {@code
 * joinedAt} may be an {@link Instant}, epoch milliseconds or an ISO string, and default to the clock's now.
 *
 * <p>Limits: {@link #sweep()} (the caller runs it every 10 minutes) closes stories opened more than {@code staleAfter}
 * ago as {@value #STALE} with {@code endReason:"stale_cleanup"}. At most {@value #MAX_OPEN_STORIES} stories are open:
 * opening one more closes the oldest as stale first. A story keeps at most {@value #MAX_ENTRIES} participants and
 * {@value #MAX_ENTRIES} timeline entries; later ones are only counted, in {@code stats.droppedEntries}.
 *
 * <p>Thread-safe; stories are emitted outside the lock.
 */
public final class FlightStories implements Consumer<TelemetryEvent> {
    /** The name of the event a finished story is emitted as. */
    public static final String COMPLETE = "📜 FLIGHT STORY COMPLETE";

    /** The name of the event a stale story is emitted as. */
    public static final String STALE = "FLIGHT STORY STALE";

    /** DropSilk's stale age: 2 hours. */
    public static final Duration DEFAULT_STALE_AFTER = Duration.ofHours(2);

    static final int MAX_OPEN_STORIES = 100_000;
    static final int MAX_ENTRIES = 1_000;

    private static final String STALE_REASON = "stale_cleanup";
    private static final String CLEAN_END = "clean_end";
    private static final String FLIGHT_CODE = "flightCode";

    private final Telemetry out;
    private final Clock clock;
    private final Duration staleAfter;
    private final int maxOpen;
    // Insertion order is opening order, so the first entry is the oldest story.
    private final LinkedHashMap<String, Story> open = new LinkedHashMap<>();

    /** Emits finished stories through {@code out}; stories opened more than {@code staleAfter} ago are stale. */
    public FlightStories(Telemetry out, Clock clock, Duration staleAfter) {
        this(out, clock, staleAfter, MAX_OPEN_STORIES);
    }

    FlightStories(Telemetry out, Clock clock, Duration staleAfter, int maxOpen) {
        this.out = requireNonNull(out, "out");
        this.clock = requireNonNull(clock, "clock");
        this.staleAfter = requireNonNull(staleAfter, "staleAfter");
        if (staleAfter.isNegative() || staleAfter.isZero()) {
            throw new IllegalArgumentException("staleAfter: " + staleAfter + " (expected: > 0)");
        }
        if (maxOpen < 1) {
            throw new IllegalArgumentException("maxOpen: " + maxOpen + " (expected: >= 1)");
        }
        this.maxOpen = maxOpen;
    }

    @Override
    public void accept(TelemetryEvent event) {
        Object code = event.field(FLIGHT_CODE);
        if (code == null) {
            return;
        }
        String flightCode = code.toString();
        List<TelemetryEvent> finished = new ArrayList<>(1);
        synchronized (open) {
            switch (event.name()) {
                case "flight:created" -> created(flightCode, event, finished);
                case "flight:joined" -> joined(open.get(flightCode), event);
                case "client:disconnected" -> disconnected(open.get(flightCode), event);
                case "flight:ended" -> ended(flightCode, event, finished);
                default -> {
                    // Not part of a story.
                }
            }
        }
        finished.forEach(out::emit);
    }

    /** Closes every story opened more than {@code staleAfter} ago as {@value #STALE}. */
    public void sweep() {
        Instant now = clock.instant();
        List<TelemetryEvent> finished = new ArrayList<>();
        synchronized (open) {
            for (Iterator<Story> it = open.values().iterator(); it.hasNext(); ) {
                Story story = it.next();
                if (Duration.between(story.openedAt, now).compareTo(staleAfter) > 0) {
                    it.remove();
                    finished.add(story.finish(STALE, STALE_REASON, now));
                }
            }
        }
        finished.forEach(out::emit);
    }

    /** How many stories are open. */
    public int openStories() {
        synchronized (open) {
            return open.size();
        }
    }

    private void created(String flightCode, TelemetryEvent event, List<TelemetryEvent> finished) {
        if (open.containsKey(flightCode)) {
            return;
        }
        Instant now = clock.instant();
        if (open.size() >= maxOpen) {
            Iterator<Story> oldest = open.values().iterator();
            finished.add(oldest.next().finish(STALE, STALE_REASON, now));
            oldest.remove();
        }
        Instant start = instant(event.field("createdAt"), now);
        open.put(flightCode, new Story(flightCode, event.field("creatorId"), start, now));
    }

    private void joined(@Nullable Story story, TelemetryEvent event) {
        if (story == null) {
            return;
        }
        String at = Timestamps.iso(instant(event.field("joinedAt"), clock.instant()));
        Map<String, Object> participant = new LinkedHashMap<>();
        participant.put("id", event.field("joinerId"));
        participant.put("name", event.field("joinerName"));
        participant.put("ip", event.field("ip"));
        participant.put("connectionType", event.field("connectionType"));
        participant.put("joinedAt", at);
        story.add(story.participants, participant);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("event", "peer_joined");
        entry.put("at", at);
        entry.put("id", event.field("joinerId"));
        entry.put("name", event.field("joinerName"));
        entry.put("connectionType", event.field("connectionType"));
        story.add(story.timeline, entry);
    }

    private void disconnected(@Nullable Story story, TelemetryEvent event) {
        if (story == null) {
            return;
        }
        Object signalsSent = event.field("signalsSent");
        if (signalsSent instanceof Number number) {
            story.signals += number.longValue();
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("event", "participant_disconnected");
        entry.put("at", Timestamps.iso(clock.instant()));
        entry.put("clientId", event.field("clientId"));
        entry.put("signalsSent", signalsSent);
        story.add(story.timeline, entry);
    }

    private void ended(String flightCode, TelemetryEvent event, List<TelemetryEvent> finished) {
        Story story = open.remove(flightCode);
        if (story == null) {
            return;
        }
        Object reason = event.field("reason");
        finished.add(story.finish(COMPLETE, reason == null ? CLEAN_END : reason.toString(), clock.instant()));
    }

    private static Instant instant(@Nullable Object value, Instant fallback) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Number millis) {
            return Instant.ofEpochMilli(millis.longValue());
        }
        if (value instanceof CharSequence text) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                return fallback;
            }
        }
        return fallback;
    }

    /** One open story; guarded by the {@code open} map's lock. */
    private static final class Story {
        private final String flightCode;
        private final @Nullable Object creatorId;
        private final Instant start;
        private final Instant openedAt;
        private final List<Map<String, Object>> participants = new ArrayList<>();
        private final List<Map<String, Object>> timeline = new ArrayList<>();
        private long signals;
        private long dropped;

        Story(String flightCode, @Nullable Object creatorId, Instant start, Instant openedAt) {
            this.flightCode = flightCode;
            this.creatorId = creatorId;
            this.start = start;
            this.openedAt = openedAt;
        }

        void add(List<Map<String, Object>> list, Map<String, Object> entry) {
            if (list.size() < MAX_ENTRIES) {
                list.add(entry);
            } else {
                dropped++;
            }
        }

        TelemetryEvent finish(String name, String endReason, Instant end) {
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put(FLIGHT_CODE, flightCode);
            meta.put("startTime", Timestamps.iso(start));
            meta.put("creatorId", creatorId);
            meta.put("endTime", Timestamps.iso(end));
            meta.put("endReason", endReason);
            Map<String, Object> stats = new LinkedHashMap<>();
            stats.put("signalsExchanged", signals);
            stats.put("durationSeconds", roundedSeconds(Duration.between(start, end)));
            if (dropped > 0) {
                stats.put("droppedEntries", dropped);
            }
            Map<String, Object> story = new LinkedHashMap<>();
            story.put("meta", meta);
            story.put("participants", List.copyOf(participants));
            story.put("timeline", List.copyOf(timeline));
            story.put("stats", stats);
            return TelemetryEvent.info(name, "story", story);
        }

        // Math.round(ms / 1000) as in DropSilk, without the overflow of toMillis() on absurd createdAt values.
        private static long roundedSeconds(Duration duration) {
            if (duration.isNegative()) {
                return 0;
            }
            return duration.toSeconds() + (duration.toNanosPart() >= 500_000_000 ? 1 : 0);
        }
    }
}
