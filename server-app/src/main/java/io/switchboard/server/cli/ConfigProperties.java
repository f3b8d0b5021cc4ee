package io.switchboard.server.cli;

import io.switchboard.core.Nullable;
import io.switchboard.server.config.ServerConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A {@link ServerConfig} written as option values, keyed as the config file keys them ({@code allow-local-port}). The
 * text of each value is what the option's converter reads back, so {@code render(config)} is both the source of every
 * default the CLI shows ({@code render(ServerConfig.DEFAULTS)}) and the output of {@code check-config}.
 */
final class ConfigProperties {
    /** The keys whose values are secret. */
    static final Set<String> SECRETS = Set.of("log-key", "turn-secret");

    /** How each key's value is read from a config, in the order {@code --help} lists the options. */
    private static final Map<String, Function<ServerConfig, String>> KEYS = keys();

    private ConfigProperties() {}

    /** Every key's value in {@code config}, secrets included as they are; an absent value is the empty string. */
    static Map<String, String> render(ServerConfig config) {
        Map<String, String> values = new LinkedHashMap<>();
        KEYS.forEach((key, read) -> values.put(key, read.apply(config)));
        return values;
    }

    /** Like {@link #render}, but a secret shows as {@code <set>} or the empty string. */
    static Map<String, String> renderMasked(ServerConfig config) {
        Map<String, String> values = render(config);
        for (String key : SECRETS) {
            values.put(key, values.get(key).isEmpty() ? "" : "<set>");
        }
        return values;
    }

    private static Map<String, Function<ServerConfig, String>> keys() {
        Map<String, Function<ServerConfig, String>> keys = new LinkedHashMap<>();
        keys.put("host", ServerConfig::host);
        keys.put("app", c -> join(c.apps()));
        keys.put("allow-local-port", c -> join(c.allowLocalPorts()));
        keys.put("allow-origin", c -> join(c.allowOrigins()));
        keys.put("trusted-proxy", c -> join(c.trustedProxies()));
        keys.put("log-key", c -> orEmpty(c.logKey()));
        keys.put("turn-secret", c -> orEmpty(c.turnSecret()));
        keys.put("turn-uri", c -> join(c.turnUris()));
        keys.put("turn-ttl", c -> DurationConverter.format(c.turnTtl()));
        keys.put("turn-requests-per-minute", c -> String.valueOf(c.turnRequestsPerMinute()));
        keys.put("max-frame-bytes", c -> String.valueOf(c.maxFrameBytes()));
        keys.put("max-body-bytes", c -> String.valueOf(c.maxBodyBytes()));
        keys.put("max-connections", c -> String.valueOf(c.maxConnections()));
        keys.put("idle-timeout", c -> DurationConverter.format(c.idleTimeout()));
        keys.put("ping-interval", c -> DurationConverter.format(c.pingInterval()));
        keys.put("shutdown-timeout", c -> DurationConverter.format(c.shutdownTimeout()));
        keys.put("outbound-budget-bytes", c -> String.valueOf(c.outboundBudgetBytes()));
        keys.put("max-messages-per-second", c -> number(c.limits().messagesPerSecond()));
        keys.put("message-burst", c -> String.valueOf(c.limits().messageBurst()));
        keys.put("max-signal-bytes", c -> String.valueOf(c.limits().maxSignalBytes()));
        keys.put("network-list-limit", c -> String.valueOf(c.limits().networkListLimit()));
        keys.put(
                "network-list-coalesce",
                c -> DurationConverter.format(c.limits().networkListCoalesce()));
        keys.put("transport", ServerConfig::transport);
        keys.put("eio-ping-interval", c -> DurationConverter.format(c.engineIo().pingInterval()));
        keys.put("eio-ping-timeout", c -> DurationConverter.format(c.engineIo().pingTimeout()));
        keys.put(
                "eio-connect-timeout",
                c -> DurationConverter.format(c.engineIo().connectTimeout()));
        keys.put("max-payload", c -> String.valueOf(c.engineIo().maxPayload()));
        keys.put("disable-join-rate-limit", c -> String.valueOf(!c.joinRateLimit()));
        keys.put("track-requests-per-minute", c -> String.valueOf(c.trackRequestsPerMinute()));
        keys.put("client-log-requests-per-minute", c -> String.valueOf(c.clientLogRequestsPerMinute()));
        keys.put("store", ServerConfig::store);
        keys.put("node-heartbeat", c -> DurationConverter.format(c.nodeHeartbeat()));
        keys.put("worker-threads", c -> String.valueOf(c.workerThreads()));
        return keys;
    }

    private static String join(List<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    /** {@code 50} rather than {@code 50.0}, so whole rates read like the integers they usually are. */
    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.valueOf((long) value)
                : String.valueOf(value);
    }
}
