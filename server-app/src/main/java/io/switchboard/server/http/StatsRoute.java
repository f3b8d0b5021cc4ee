package io.switchboard.server.http;

import static java.util.Objects.requireNonNull;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.internal.PlatformDependent;
import io.switchboard.server.telemetry.Timestamps;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * DropSilk's {@code GET /stats} (PROTOCOLS.md §1.8): 200 {@code application/json}, indented by two spaces like {@code
 * JSON.stringify(x, null, 2)}:
 *
 * <pre>{@code
 * {"activeConnections":N,"activeFlights":N,"uptime":<seconds, 3 decimals>,
 *  "memory":{"rss":..,"heapTotal":..,"heapUsed":..,"external":..,"arrayBuffers":..},"timestamp":"<ISO-8601>"}
 * }</pre>
 *
 * <p>Node's memory fields map to: {@code rss} = resident pages in {@code /proc/self/statm} × 4096 (0 where that file
 * cannot be read); {@code heapTotal} and {@code heapUsed} = the JVM heap's committed and used bytes; {@code external}
 * and {@code arrayBuffers} = Netty's direct memory in use (0 when Netty does not track it). No auth and no CORS
 * headers, as in the original. The suppliers are called on the event loop and must not block. Thread-safe.
 */
public final class StatsRoute implements Route {
    /** What Node sends: {@code application/json} without a charset. */
    static final String CONTENT_TYPE = "application/json";

    private static final long PAGE_SIZE = 4096;
    private static final Path STATM = Path.of("/proc/self/statm");

    private final IntSupplier activeConnections;
    private final IntSupplier activeFlights;
    private final Instant startedAt;
    private final Clock clock;
    private final LongSupplier rss;

    /** Reports the two counts, the uptime since {@code startedAt} by {@code clock}, and this process's memory. */
    public StatsRoute(IntSupplier activeConnections, IntSupplier activeFlights, Instant startedAt, Clock clock) {
        this(activeConnections, activeFlights, startedAt, clock, StatsRoute::residentBytes);
    }

    StatsRoute(
            IntSupplier activeConnections,
            IntSupplier activeFlights,
            Instant startedAt,
            Clock clock,
            LongSupplier rss) {
        this.activeConnections = requireNonNull(activeConnections, "activeConnections");
        this.activeFlights = requireNonNull(activeFlights, "activeFlights");
        this.startedAt = requireNonNull(startedAt, "startedAt");
        this.clock = requireNonNull(clock, "clock");
        this.rss = requireNonNull(rss, "rss");
    }

    @Override
    public CompletionStage<FullHttpResponse> handle(HttpRequestContext request) {
        return HttpResponses.now(HttpResponses.of(HttpResponseStatus.OK, CONTENT_TYPE, body()));
    }

    String body() {
        Instant now = clock.instant();
        Runtime runtime = Runtime.getRuntime();
        long heapTotal = runtime.totalMemory();
        long direct = Math.max(0, PlatformDependent.usedDirectMemory());
        return "{\n"
                + "  \"activeConnections\": " + activeConnections.getAsInt() + ",\n"
                + "  \"activeFlights\": " + activeFlights.getAsInt() + ",\n"
                + "  \"uptime\": " + uptimeSeconds(now) + ",\n"
                + "  \"memory\": {\n"
                + "    \"rss\": " + rss.getAsLong() + ",\n"
                + "    \"heapTotal\": " + heapTotal + ",\n"
                + "    \"heapUsed\": " + (heapTotal - runtime.freeMemory()) + ",\n"
                + "    \"external\": " + direct + ",\n"
                + "    \"arrayBuffers\": " + direct + "\n"
                + "  },\n"
                + "  \"timestamp\": " + JsonText.quote(Timestamps.iso(now)) + "\n"
                + "}";
    }

    // Seconds with millisecond precision, always with a fraction ("12.000") so that it reads as Node's float.
    private String uptimeSeconds(Instant now) {
        Duration uptime = Duration.between(startedAt, now);
        long millis = uptime.isNegative() ? 0 : uptime.toMillis();
        return BigDecimal.valueOf(millis, 3).toPlainString();
    }

    private static long residentBytes() {
        try {
            return residentBytes(new String(Files.readAllBytes(STATM), StandardCharsets.US_ASCII));
        } catch (IOException | SecurityException e) {
            return 0;
        }
    }

    /** Bytes resident by {@code statm} ("size resident shared ..."; counts in pages), or 0 if it does not parse. */
    static long residentBytes(String statm) {
        String text = statm.trim();
        int firstSpace = text.indexOf(' ');
        if (firstSpace < 0) {
            return 0;
        }
        String rest = text.substring(firstSpace + 1).trim();
        int secondSpace = rest.indexOf(' ');
        String resident = secondSpace < 0 ? rest : rest.substring(0, secondSpace);
        try {
            return Math.max(0, Long.parseLong(resident)) * PAGE_SIZE;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
