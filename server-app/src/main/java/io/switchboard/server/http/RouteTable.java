package io.switchboard.server.http;

import io.netty.handler.codec.http.HttpMethod;
import io.switchboard.core.Nullable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks the route for a method and path: exact paths first, then the longest matching prefix. Immutable; built once
 * per app listener.
 */
public final class RouteTable {
    private final Map<String, Route> exact;
    private final List<PrefixRoute> prefixes;

    private RouteTable(Map<String, Route> exact, List<PrefixRoute> prefixes) {
        this.exact = Map.copyOf(exact);
        this.prefixes = List.copyOf(prefixes);
    }

    /** A new empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The route for {@code method} and {@code path}, or null (the caller answers 404). */
    public @Nullable Route find(HttpMethod method, String path) {
        Route route = exact.get(method.name() + " " + path);
        if (route != null) {
            return route;
        }
        Route any = exact.get("* " + path);
        if (any != null) {
            return any;
        }
        for (PrefixRoute prefix : prefixes) {
            if (path.startsWith(prefix.prefix())) {
                return prefix.route();
            }
        }
        return null;
    }

    private record PrefixRoute(String prefix, Route route) {}

    /** Collects routes. */
    public static final class Builder {
        private final Map<String, Route> exact = new HashMap<>();
        private final List<PrefixRoute> prefixes = new ArrayList<>();

        private Builder() {}

        /** Serves {@code route} for {@code method} at exactly {@code path}. */
        public Builder add(HttpMethod method, String path, Route route) {
            if (exact.putIfAbsent(method.name() + " " + path, route) != null) {
                throw new IllegalStateException("route defined twice: " + method + " " + path);
            }
            return this;
        }

        /** Serves {@code route} for GET at exactly {@code path}. */
        public Builder get(String path, Route route) {
            return add(HttpMethod.GET, path, route);
        }

        /** Serves {@code route} for every method at exactly {@code path}. */
        public Builder any(String path, Route route) {
            if (exact.putIfAbsent("* " + path, route) != null) {
                throw new IllegalStateException("route defined twice: * " + path);
            }
            return this;
        }

        /** Serves {@code route} for every method at every path that starts with {@code prefix}. */
        public Builder prefix(String prefix, Route route) {
            prefixes.add(new PrefixRoute(prefix, route));
            prefixes.sort(
                    (a, b) -> Integer.compare(b.prefix().length(), a.prefix().length()));
            return this;
        }

        /** The table. */
        public RouteTable build() {
            return new RouteTable(exact, prefixes);
        }
    }
}
