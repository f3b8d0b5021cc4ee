package io.switchboard.redis;

import static java.util.Objects.requireNonNull;

import io.switchboard.core.Nullable;

/**
 * Where one Redis server (or one seed node of a Redis Cluster) listens and how to log in to it.
 *
 * @param host a host name or IP literal (IPv6 without brackets)
 * @param port 1..65535
 * @param tls whether to speak TLS ({@code rediss://}); the server's certificate and host name are verified
 * @param user the ACL user, or null for the default user
 * @param password the password, or null for none; never printed by {@link #toString()}
 * @param database the logical database ({@code SELECT}); must be 0 on a Redis Cluster
 */
public record RedisEndpoint(
        String host, int port, boolean tls, @Nullable String user, @Nullable String password, int database) {
    /** Redis's port when a URL names none. */
    public static final int DEFAULT_PORT = 6379;

    /** Validates the host, port and database; a user needs a password. */
    public RedisEndpoint {
        requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host: (empty) (expected: a host name or IP literal)");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port: " + port + " (expected: 1..65535)");
        }
        if (database < 0) {
            throw new IllegalArgumentException("database: " + database + " (expected: >= 0)");
        }
        if (user != null && password == null) {
            throw new IllegalArgumentException("user: " + user + " without a password (expected: user:password)");
        }
    }

    /** The endpoint as a URL, the password masked: safe for logs and error messages. */
    @Override
    public String toString() {
        StringBuilder url = new StringBuilder(tls ? "rediss://" : "redis://");
        if (password != null) {
            url.append(user == null ? "" : user).append(":***@");
        }
        url.append(host.indexOf(':') >= 0 ? "[" + host + "]" : host).append(':').append(port);
        if (database != 0) {
            url.append('/').append(database);
        }
        return url.toString();
    }
}
