package io.switchboard.server.http;

import static java.util.Objects.requireNonNull;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.switchboard.core.Nullable;
import io.switchboard.core.telemetry.Telemetry;
import io.switchboard.core.telemetry.TelemetryEvent;
import io.switchboard.server.telemetry.LogRing;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.concurrent.CompletionStage;

/**
 * DropSilk's {@code GET /logs} (PROTOCOLS.md §1.8): the {@link LogRing}'s lines, oldest first, for whoever presents
 * the log access key as {@code ?key=<key>} or {@code Authorization: Bearer <key>} (the query wins when both are
 * given; the header keeps the key out of proxy logs).
 *
 * <ul>
 *   <li>no key configured: 404 {@code Not Found}; the route is off, and there is no default key;
 *   <li>missing or wrong key: 403 {@code text/plain} {@code Forbidden}, and a WARN {@code system:log_access}
 *       {status:"unauthorized", ip};
 *   <li>right key: 200 {@code text/plain; charset=utf-8}, and a WARN {@code system:log_access} {status:"success",
 *       ip}, emitted before the ring is read, as in the original.
 * </ul>
 *
 * <p>The 403 and 200 carry {@code Cache-Control: no-store}. Keys are compared as SHA-256 digests with {@link
 * MessageDigest#isEqual}, so the time taken reveals neither the key nor its length. Thread-safe.
 */
public final class LogsRoute implements Route {
    private static final String BEARER = "bearer ";

    private final byte @Nullable [] keyDigest;
    private final LogRing ring;
    private final Telemetry telemetry;

    /**
     * Serves {@code ring} to holders of {@code key}; a {@code null} key disables the route, and a blank one is refused
     * ({@link IllegalArgumentException}) because {@code ?key=} would match it.
     */
    public LogsRoute(@Nullable String key, LogRing ring, Telemetry telemetry) {
        if (key != null && key.isBlank()) {
            throw new IllegalArgumentException("key: blank (expected: null to disable /logs, or a secret)");
        }
        this.keyDigest = key == null ? null : sha256(key);
        this.ring = requireNonNull(ring, "ring");
        this.telemetry = requireNonNull(telemetry, "telemetry");
    }

    @Override
    public CompletionStage<FullHttpResponse> handle(HttpRequestContext request) {
        if (keyDigest == null) {
            return HttpResponses.now(HttpResponses.notFound());
        }
        String ip = request.client().ip();
        String given = presentedKey(request);
        if (given == null || !MessageDigest.isEqual(keyDigest, sha256(given))) {
            telemetry.emit(TelemetryEvent.warn("system:log_access", "status", "unauthorized", "ip", ip));
            return HttpResponses.now(noStore(HttpResponses.text(HttpResponseStatus.FORBIDDEN, "Forbidden")));
        }
        telemetry.emit(TelemetryEvent.warn("system:log_access", "status", "success", "ip", ip));
        return HttpResponses.now(
                noStore(HttpResponses.of(HttpResponseStatus.OK, HttpResponses.TEXT_UTF8, ring.joined())));
    }

    private static @Nullable String presentedKey(HttpRequestContext request) {
        String query = request.queryParam("key");
        if (query != null) {
            return query;
        }
        String authorization = request.header(HttpHeaderNames.AUTHORIZATION);
        if (authorization != null
                && authorization.length() > BEARER.length()
                && authorization
                        .substring(0, BEARER.length())
                        .toLowerCase(Locale.ROOT)
                        .equals(BEARER)) {
            return authorization.substring(BEARER.length()).trim();
        }
        return null;
    }

    private static FullHttpResponse noStore(FullHttpResponse response) {
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
        return response;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
