package io.switchboard.redis;

import static java.util.Objects.requireNonNull;

import io.switchboard.core.Nullable;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Turns a {@code --store} URL into a {@link RedisStoreConfig}; see {@link RedisStoreConfig#parse}. */
final class StoreUrlParser {
    static final String EXPECTED = "redis[s]://[user:password@]host[:port][/db][?prefix=sb:&threads=8&queue=1024"
            + "&connectTimeoutMs=2000&socketTimeoutMs=2000&healthIntervalMs=1000]";

    private static final Set<String> KEYS =
            Set.of("prefix", "connectTimeoutMs", "socketTimeoutMs", "threads", "queue", "healthIntervalMs");

    private StoreUrlParser() {}

    static RedisStoreConfig parse(String url) {
        requireNonNull(url, "url");
        try {
            return parseOrThrow(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "store URL " + masked(url) + ": " + e.getMessage() + " (expected: " + EXPECTED + ")", null);
        }
    }

    private static RedisStoreConfig parseOrThrow(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            // getMessage() quotes the input, which may hold a password; getReason() does not.
            throw new IllegalArgumentException("not a URL: " + e.getReason() + " at index " + e.getIndex(), null);
        }
        boolean tls = scheme(uri);
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException("a fragment (#...) is not allowed");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("no valid host[:port]");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = uri.getPort() == -1 ? RedisEndpoint.DEFAULT_PORT : uri.getPort();
        String[] login = login(uri.getRawUserInfo());
        RedisEndpoint endpoint = new RedisEndpoint(host, port, tls, login[0], login[1], database(uri.getRawPath()));
        return withQuery(RedisStoreConfig.of(endpoint), query(uri.getRawQuery()));
    }

    private static boolean scheme(URI uri) {
        String scheme = uri.getScheme();
        if ("redis".equalsIgnoreCase(scheme)) {
            return false;
        }
        if ("rediss".equalsIgnoreCase(scheme)) {
            return true;
        }
        throw new IllegalArgumentException(
                "scheme " + (scheme == null ? "(none)" : scheme) + " is not redis or rediss");
    }

    /** {@code {user, password}}, each possibly null, from {@code user:password} or {@code :password}. */
    private static @Nullable String[] login(@Nullable String rawUserInfo) {
        if (rawUserInfo == null) {
            return new String[2];
        }
        int colon = rawUserInfo.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("the login must be user:password or :password");
        }
        String user = decode(rawUserInfo.substring(0, colon));
        String password = decode(rawUserInfo.substring(colon + 1));
        return new String[] {user.isEmpty() ? null : user, password};
    }

    private static int database(@Nullable String path) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return 0;
        }
        String db = path.substring(1);
        if (!db.matches("[0-9]{1,9}")) {
            throw new IllegalArgumentException("database " + db + " is not a number 0..999999999");
        }
        return Integer.parseInt(db);
    }

    private static Map<String, String> query(@Nullable String rawQuery) {
        Map<String, String> values = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return values;
        }
        for (String pair : rawQuery.split("&", -1)) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown parameter '" + key + "' (known: " + KEYS + ")");
            }
            if (eq < 0 || values.put(key, decode(pair.substring(eq + 1))) != null) {
                throw new IllegalArgumentException("parameter '" + key + "' must be given once, with a value");
            }
        }
        return values;
    }

    private static RedisStoreConfig withQuery(RedisStoreConfig defaults, Map<String, String> query) {
        return new RedisStoreConfig(
                defaults.endpoint(),
                query.getOrDefault("prefix", defaults.keyPrefix()),
                millis(query, "connectTimeoutMs", defaults.connectTimeout()),
                millis(query, "socketTimeoutMs", defaults.socketTimeout()),
                number(query, "threads", defaults.threads()),
                number(query, "queue", defaults.queueBound()),
                millis(query, "healthIntervalMs", defaults.healthInterval()));
    }

    private static Duration millis(Map<String, String> query, String key, Duration fallback) {
        return query.containsKey(key) ? Duration.ofMillis(number(query, key, 0)) : fallback;
    }

    private static int number(Map<String, String> query, String key, int fallback) {
        String value = query.get(key);
        if (value == null) {
            return fallback;
        }
        if (!value.matches("[0-9]{1,9}")) {
            throw new IllegalArgumentException("parameter '" + key + "' = " + value + " is not a whole number");
        }
        return Integer.parseInt(value);
    }

    private static String decode(String raw) {
        // URLDecoder reads '+' as a space, which is form encoding, not URL encoding.
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // The decoder's message quotes the input, which may be a password.
            throw new IllegalArgumentException("bad percent-encoding", null);
        }
    }

    /** {@code url} with everything between the scheme and the last '@' hidden: it may hold a password. */
    static String masked(String url) {
        int at = url.lastIndexOf('@');
        if (at < 0) {
            return url;
        }
        int start = url.indexOf("://");
        start = start < 0 || start > at ? 0 : start + 3;
        return url.substring(0, start) + "***" + url.substring(at);
    }
}
