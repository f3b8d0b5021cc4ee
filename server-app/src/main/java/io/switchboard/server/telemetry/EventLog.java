package io.switchboard.server.telemetry;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.switchboard.core.Nullable;
import io.switchboard.core.telemetry.Telemetry;
import io.switchboard.core.telemetry.TelemetryEvent;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's {@link Telemetry}: renders each event as one JSON line {@code {"timestamp":"<ISO-8601>","level":
 * "info","message":"<event name>", ...fields}}, logs it through the SLF4J logger {@code switchboard.events} at the
 * event's level, keeps it in a {@link LogRing} for {@code /logs}, then hands the event to each listener.
 *
 * <p>DEBUG events (DropSilk's {@code flight:signal} and {@code system:heartbeat}, "tracked but not printed") are only
 * rendered when that logger has DEBUG enabled, and never enter the ring; listeners still see them.
 *
 * <p>Field values may be strings, numbers, booleans, null, {@code Map}s (keys via {@code String.valueOf}) and
 * collections or arrays, nested up to {@value #MAX_DEPTH} levels; anything else, {@code Instant} included, is written
 * as its {@code toString()}. Non-finite doubles become {@code null}, as in {@code JSON.stringify}. A field named
 * {@code timestamp}, {@code level} or {@code message} is written with a leading underscore so that it cannot shadow the
 * line's own keys.
 *
 * <p>Thread-safe. {@link #emit} never throws: a rendering failure and a throwing listener are logged and contained.
 */
public final class EventLog implements Telemetry {
    /** The name of the SLF4J logger the event lines go to. */
    public static final String LOGGER_NAME = "switchboard.events";

    static final int MAX_DEPTH = 16;

    private static final Logger EVENTS = LoggerFactory.getLogger(LOGGER_NAME);
    private static final Logger LOG = LoggerFactory.getLogger(EventLog.class);
    private static final JsonFactory JSON = new JsonFactory();
    private static final Set<String> RESERVED = Set.of("timestamp", "level", "message");

    private final LogRing ring;
    private final Clock clock;
    private final List<Consumer<TelemetryEvent>> listeners = new CopyOnWriteArrayList<>();

    /** Writes kept lines to {@code ring} and stamps them with {@code clock}. */
    public EventLog(LogRing ring, Clock clock) {
        this.ring = requireNonNull(ring, "ring");
        this.clock = requireNonNull(clock, "clock");
    }

    /** Calls {@code listener} with every later event, after it is logged, on the emitting thread. */
    public void addListener(Consumer<TelemetryEvent> listener) {
        listeners.add(requireNonNull(listener, "listener"));
    }

    @Override
    public void emit(TelemetryEvent event) {
        try {
            record(event);
        } catch (RuntimeException e) {
            LOG.warn("could not log telemetry event {}", event.name(), e);
        }
        for (Consumer<TelemetryEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("telemetry listener {} failed on {}", listener, event.name(), e);
            }
        }
    }

    /** The JSON line for {@code event}, stamped with the clock's current instant. */
    String render(TelemetryEvent event) {
        StringWriter out = new StringWriter(128);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("timestamp", Timestamps.iso(clock.instant()));
            json.writeStringField("level", event.level().name().toLowerCase(Locale.ROOT));
            json.writeStringField("message", event.name());
            for (Map.Entry<String, Object> field : event.fields().entrySet()) {
                String key = field.getKey();
                json.writeFieldName(RESERVED.contains(key) ? "_" + key : key);
                writeValue(json, field.getValue(), 1);
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private void record(TelemetryEvent event) {
        switch (event.level()) {
            case DEBUG:
                if (EVENTS.isDebugEnabled()) {
                    EVENTS.debug("{}", render(event));
                }
                return;
            case INFO:
                keep(render(event), EVENTS::info);
                return;
            case WARN:
                keep(render(event), EVENTS::warn);
                return;
            case ERROR:
                keep(render(event), EVENTS::error);
                return;
        }
    }

    private void keep(String line, LineSink sink) {
        sink.log("{}", line);
        ring.add(line);
    }

    private static void writeValue(JsonGenerator json, @Nullable Object value, int depth) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String string) {
            json.writeString(string);
        } else if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
        } else if (value instanceof Number number) {
            writeNumber(json, number);
        } else if (depth > MAX_DEPTH
                && (value instanceof Map || value instanceof Iterable || value instanceof Object[])) {
            json.writeString("[too deep]");
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName(String.valueOf(entry.getKey()));
                writeValue(json, entry.getValue(), depth + 1);
            }
            json.writeEndObject();
        } else if (value instanceof Iterable<?> items) {
            json.writeStartArray();
            for (Object item : items) {
                writeValue(json, item, depth + 1);
            }
            json.writeEndArray();
        } else if (value instanceof Object[] items) {
            writeValue(json, Arrays.asList(items), depth);
        } else {
            json.writeString(String.valueOf(value));
        }
    }

    private static void writeNumber(JsonGenerator json, Number number) throws IOException {
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            if (Double.isFinite(d)) {
                json.writeNumber(d);
            } else {
                json.writeNull();
            }
        } else if (number instanceof BigDecimal decimal) {
            json.writeNumber(decimal);
        } else if (number instanceof BigInteger integer) {
            json.writeNumber(integer);
        } else {
            json.writeNumber(number.longValue());
        }
    }

    @FunctionalInterface
    private interface LineSink {
        void log(String format, Object arg);
    }
}
