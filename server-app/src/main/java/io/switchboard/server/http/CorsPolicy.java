package io.switchboard.server.http;

import static java.util.Objects.requireNonNull;

import io.switchboard.core.Nullable;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An exact-match allow list of browser origins ({@code https://app.example.com}; scheme, host and port compared as
 * strings, case-sensitively, as browsers send them). Immutable and thread-safe.
 */
public final class CorsPolicy {
    private final Set<String> allowed;

    /** Allows exactly the origins in {@code allowedOrigins} (an empty collection allows none). */
    public CorsPolicy(Collection<String> allowedOrigins) {
        requireNonNull(allowedOrigins, "allowedOrigins");
        Set<String> copy = new LinkedHashSet<>();
        for (String origin : allowedOrigins) {
            copy.add(requireNonNull(origin, "allowedOrigins element"));
        }
        this.allowed = copy;
    }

    /** Whether {@code origin} is on the list; {@code null} (no {@code Origin} header) is never allowed. */
    public boolean isAllowed(@Nullable String origin) {
        return origin != null && allowed.contains(origin);
    }

    /** The allowed origins in the order they were given, without duplicates. */
    public List<String> origins() {
        return List.copyOf(allowed);
    }
}
