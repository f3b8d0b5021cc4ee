package io.switchboard.server.http.privydrop;

import static io.switchboard.server.http.JsonText.quote;

import io.switchboard.core.Nullable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How {@code /health/detailed} names and describes the store, derived once from the store's description ({@code
 * memory}, {@code redis://user:secret@host:6379/0}, ...). Only the scheme, host and port are ever shown.
 *
 * @param redis whether the description names Redis (reported under the original's key {@code redis})
 * @param type the store's kind for the {@code store} key, e.g. {@code memory}
 * @param host the Redis host, or null when the description has none
 * @param port the Redis port (6379 when the URI gives none), or -1 without a host
 */
record StoreReport(boolean redis, String type, @Nullable String host, int port) {
    private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]{0,31}");
    private static final int REDIS_PORT = 6379;

    static StoreReport of(String description) {
        String trimmed = description.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        int colon = lower.indexOf(':');
        String scheme = colon < 0 ? lower : lower.substring(0, colon);
        String type = trimmed.isEmpty() ? "memory" : SCHEME.matcher(scheme).matches() ? scheme : "unknown";
        if (!lower.contains("redis")) {
            return new StoreReport(false, type, null, -1);
        }
        try {
            URI uri = new URI(trimmed);
            if (uri.getHost() != null) {
                return new StoreReport(true, type, uri.getHost(), uri.getPort() < 0 ? REDIS_PORT : uri.getPort());
            }
        } catch (URISyntaxException e) {
            // no host and port to show
        }
        return new StoreReport(true, type, null, -1);
    }

    /** The {@code "redis":{...}} or {@code "store":{...}} member of {@code dependencies}. */
    String json(boolean healthy) {
        StringBuilder json = new StringBuilder(96)
                .append(redis ? "\"redis\":{\"status\":" : "\"store\":{\"status\":")
                .append(healthy ? "\"connected\"" : "\"disconnected\"");
        if (!healthy) {
            json.append(",\"error\":\"")
                    .append(HealthEndpoints.STORE_UNAVAILABLE)
                    .append('"');
        }
        if (!redis) {
            json.append(",\"type\":").append(quote(type));
        } else if (host != null) {
            json.append(",\"host\":").append(quote(host)).append(",\"port\":").append(port);
        }
        return json.append('}').toString();
    }

    /** The {@code errors} entry for an unhealthy store. */
    String failure() {
        return redis ? "Redis connection failed" : "Store connection failed";
    }
}
