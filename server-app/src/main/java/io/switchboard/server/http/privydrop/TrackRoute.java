package io.switchboard.server.http.privydrop;

import static java.util.Objects.requireNonNull;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.switchboard.core.Nullable;
import io.switchboard.server.http.HttpRequestContext;
import io.switchboard.server.http.IpRateLimiter;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * PrivyDrop's {@code POST /api/set_track {ref, timestamp}} (PROTOCOLS.md §2.6): counts a visit from referrer {@code
 * ref} on the UTC day of {@code timestamp}, and answers 200 {@code {"success":true}}.
 *
 * <ul>
 *   <li>{@code ref} missing, empty, not a string or longer than {@value #MAX_REF_LENGTH} chars, or {@code timestamp}
 *       not an ISO-8601 date-time with offset ({@code 2024-05-01T12:00:00.000Z}) or date ({@code 2024-05-01}, UTC
 *       midnight) in years 0000–9999, or a failed store call: 500 {@code {"success":false,"error":"Failed to track
 *       referrer"}}, the original's answer to a bad timestamp or store error;
 *   <li>over the per-IP limit (the route is an unauthenticated counter, PROTOCOLS.md §2.10): 429 {@code
 *       {"error":"Too many requests"}} with {@code Retry-After}, counted before the body is read;
 *   <li>a malformed JSON body: 400 {@code {"error":"Invalid JSON"}}.
 * </ul>
 *
 * <p>Thread-safe.
 */
final class TrackRoute {
    /** The longest referrer accepted; the frontend sends a short {@code ?ref=} tag. */
    static final int MAX_REF_LENGTH = 128;

    static final String FAILED = "{\"success\":false,\"error\":\"Failed to track referrer\"}";

    private static final Set<String> FIELDS = Set.of("ref", "timestamp");
    private static final int MAX_TIMESTAMP_LENGTH = 64;

    private final PrivyDropApi api;
    private final IpRateLimiter limiter;

    TrackRoute(PrivyDropApi api, IpRateLimiter limiter) {
        this.api = requireNonNull(api, "api");
        this.limiter = requireNonNull(limiter, "limiter");
    }

    CompletionStage<FullHttpResponse> handle(HttpRequestContext request) {
        String ip = request.client().ip();
        if (!limiter.tryAcquire(ip)) {
            return Replies.tooManyRequests(limiter, ip);
        }
        JsonBody body = JsonBody.parse(request.request(), FIELDS);
        if (body == null) {
            return Replies.invalidJson();
        }
        String ref = body.present("ref");
        Instant timestamp = parseTimestamp(body.text("timestamp"));
        if (ref == null || ref.length() > MAX_REF_LENGTH || timestamp == null) {
            return Replies.now(HttpResponseStatus.INTERNAL_SERVER_ERROR, FAILED);
        }
        return Replies.answer(
                "set_track",
                () -> api.trackReferrer(ref, timestamp),
                ignored -> Replies.json(HttpResponseStatus.OK, Replies.SUCCESS),
                () -> Replies.json(HttpResponseStatus.INTERNAL_SERVER_ERROR, FAILED));
    }

    /** The instant {@code text} names, or null when it is not one of the accepted ISO-8601 forms. */
    static @Nullable Instant parseTimestamp(@Nullable String text) {
        if (text == null || text.length() > MAX_TIMESTAMP_LENGTH) {
            return null;
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant();
        } catch (DateTimeException notADateTime) {
            try {
                instant = LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
            } catch (DateTimeException notADate) {
                return null;
            }
        }
        // The store keys counts by the UTC date as YYYY-MM-DD, which needs a four-digit year.
        int year = instant.atOffset(ZoneOffset.UTC).getYear();
        return year >= 0 && year <= 9999 ? instant : null;
    }
}
