package io.switchboard.server.http.privydrop;

import static java.util.Objects.requireNonNull;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.switchboard.core.Nullable;
import io.switchboard.server.http.HttpRequestContext;
import io.switchboard.server.http.IpRateLimiter;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PrivyDrop's {@code POST /api/logs_debug {message, timestamp}} (PROTOCOLS.md §2.6): the frontend's debug logs. Each
 * one becomes one INFO line on logger {@value #LOGGER_NAME} ({@code logs_debug ip=<ip> timestamp=<t> message=<m>})
 * and the answer is 200 {@code {"success":true}}.
 *
 * <p>The route is unauthenticated (PROTOCOLS.md §2.10), so the logged text is made harmless: the message is cut to
 * {@value #MAX_MESSAGE_LENGTH} chars and the timestamp to {@value #MAX_TIMESTAMP_LENGTH} (a cut is marked {@code
 * …[truncated]}), and control characters, backslashes, line and paragraph separators and bidirectional overrides are
 * escaped as backslash sequences (a newline becomes {@code \n}, a backslash two), so one request is always exactly
 * one log line. A field that is missing or not a string is logged as {@code -}. Over the per-IP limit: 429 {@code
 * {"error":"Too many requests"}} with {@code Retry-After}; a malformed JSON body: 400 {@code {"error":"Invalid
 * JSON"}}. Thread-safe.
 */
final class ClientLogRoute {
    /** The SLF4J logger that receives client logs, so that operators can route or silence them. */
    static final String LOGGER_NAME = "switchboard.privydrop.client";

    static final int MAX_MESSAGE_LENGTH = 4000;
    static final int MAX_TIMESTAMP_LENGTH = 64;

    private static final Logger log = LoggerFactory.getLogger(LOGGER_NAME);
    private static final Set<String> FIELDS = Set.of("message", "timestamp");
    private static final String TRUNCATED = "…[truncated]";

    private final IpRateLimiter limiter;

    ClientLogRoute(IpRateLimiter limiter) {
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
        if (log.isInfoEnabled()) {
            log.info(
                    "logs_debug ip={} timestamp={} message={}",
                    ip,
                    sanitize(body.text("timestamp"), MAX_TIMESTAMP_LENGTH),
                    sanitize(body.text("message"), MAX_MESSAGE_LENGTH));
        }
        return Replies.now(HttpResponseStatus.OK, Replies.SUCCESS);
    }

    /** {@code text} cut to {@code max} chars and escaped to one harmless line; {@code -} for null. */
    static String sanitize(@Nullable String text, int max) {
        if (text == null) {
            return "-";
        }
        boolean truncated = text.length() > max;
        int end = truncated ? max : text.length();
        if (truncated && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never split a surrogate pair
        }
        StringBuilder out = new StringBuilder(end + 16);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (mustEscape(c)) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return truncated ? out.append(TRUNCATED).toString() : out.toString();
    }

    private static boolean mustEscape(char c) {
        return c < 0x20
                || (c >= 0x7F && c <= 0x9F)
                || c == '\u2028'
                || c == '\u2029'
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }
}
