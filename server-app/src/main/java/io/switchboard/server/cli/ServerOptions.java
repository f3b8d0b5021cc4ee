package io.switchboard.server.cli;

import io.switchboard.core.CoreLimits;
import io.switchboard.core.network.Cidr;
import io.switchboard.server.config.AppBinding;
import io.switchboard.server.config.ServerConfig;
import io.switchboard.server.engineio.EngineIoConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options {@code serve} and {@code check-config} share, defined once. No default lives here: every option that
 * the command line leaves out gets its value from {@link LayeredDefaultProvider} (environment, file, then {@link
 * ServerConfig#DEFAULTS}), so fields are always set after parsing. A repeatable option given an empty value (for
 * example {@code SWITCHBOARD_ALLOW_LOCAL_PORT=}) has no entries, which lets a higher layer clear a lower one.
 */
final class ServerOptions {
    /** The footer of every command that takes these options. */
    static final String FOOTER = "%nEvery option can also be set in the environment as SWITCHBOARD_<NAME> "
            + "(--allow-local-port -> SWITCHBOARD_ALLOW_LOCAL_PORT) or in the --config properties file as "
            + "<name>=<value> (allow-local-port=5173,4173); repeatable options take a comma-separated list there, "
            + "and an empty value means none. Flags win over the environment, which wins over the file, "
            + "which wins over the defaults.";

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(
            names = "--host",
            paramLabel = "ADDRESS",
            description = "The address every listener binds. Default: ${DEFAULT-VALUE}")
    String host;

    @Option(
            names = "--app",
            paramLabel = "NAME=PORT",
            split = ",",
            converter = AppBindingConverter.class,
            completionCandidates = AppBindingConverter.KnownNames.class,
            description = "An app to serve and its listener port (0 picks a free one); repeatable. Known apps: "
                    + "${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}")
    List<AppBinding> apps = new ArrayList<>();

    @Option(
            names = "--allow-local-port",
            paramLabel = "PORT",
            split = ",",
            converter = PortConverter.class,
            description = "A dev-server port whose http://localhost:PORT and http://127.0.0.1:PORT origins are "
                    + "allowed; repeatable. Default: ${DEFAULT-VALUE}")
    List<Integer> allowLocalPorts = new ArrayList<>();

    @Option(
            names = "--allow-origin",
            paramLabel = "URL",
            split = ",",
            converter = OriginConverter.class,
            description = "A further allowed origin, scheme://host[:port] matched exactly (app://. for Electron); "
                    + "repeatable. Default: ${DEFAULT-VALUE}")
    List<String> allowOrigins = new ArrayList<>();

    @Option(
            names = "--trusted-proxy",
            paramLabel = "CIDR",
            split = ",",
            converter = CidrConverter.class,
            description = "A peer range whose X-Forwarded-For is believed; repeatable. Default: ${DEFAULT-VALUE}")
    List<Cidr> trustedProxies = new ArrayList<>();

    @Option(
            names = "--log-key",
            paramLabel = "KEY",
            description = "The key for /logs; empty disables the route. Default: ${DEFAULT-VALUE}")
    String logKey;

    @Option(
            names = "--turn-secret",
            paramLabel = "SECRET",
            description = "The coturn static-auth-secret; empty disables /api/turn-credentials. "
                    + "Default: ${DEFAULT-VALUE}")
    String turnSecret;

    @Option(
            names = "--turn-uri",
            paramLabel = "URI",
            split = ",",
            converter = TurnUriConverter.class,
            description = "A turn:, turns: or stun: URI handed out with credentials; repeatable. "
                    + "Default: ${DEFAULT-VALUE}")
    List<String> turnUris = new ArrayList<>();

    @Option(
            names = "--turn-ttl",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "How long issued TURN credentials stay valid. Default: ${DEFAULT-VALUE}")
    Duration turnTtl;

    @Option(
            names = "--turn-requests-per-minute",
            paramLabel = "N",
            description = "TURN credential requests one client IP may make a minute; more get 429. "
                    + "Default: ${DEFAULT-VALUE}")
    int turnRequestsPerMinute;

    @Option(
            names = "--max-frame-bytes",
            paramLabel = "N",
            description = "Largest WebSocket message; a larger one closes the session with 1009. "
                    + "Default: ${DEFAULT-VALUE}")
    int maxFrameBytes;

    @Option(
            names = "--max-body-bytes",
            paramLabel = "N",
            description = "Largest HTTP request body; a larger one gets 413. Default: ${DEFAULT-VALUE}")
    int maxBodyBytes;

    @Option(
            names = "--max-connections",
            paramLabel = "N",
            description = "Connections held at once; more get 503 and are closed. Default: ${DEFAULT-VALUE}")
    int maxConnections;

    @Option(
            names = "--idle-timeout",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "How long an HTTP connection may stay silent before it is closed. Default: ${DEFAULT-VALUE}")
    Duration idleTimeout;

    @Option(
            names = "--ping-interval",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "A WebSocket session silent this long is pinged; one unanswered ping closes it. "
                    + "Default: ${DEFAULT-VALUE}")
    Duration pingInterval;

    @Option(
            names = "--shutdown-timeout",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "How long a shutdown waits for sessions to close. Default: ${DEFAULT-VALUE}")
    Duration shutdownTimeout;

    @Option(
            names = "--outbound-budget-bytes",
            paramLabel = "N",
            description = "Bytes a session may have queued towards a slow client before it is closed with 4008. "
                    + "Default: ${DEFAULT-VALUE}")
    int outboundBudgetBytes;

    @Option(
            names = "--max-messages-per-second",
            paramLabel = "N",
            description = "Sustained commands a session may send; more are refused with rate_limited. "
                    + "Default: ${DEFAULT-VALUE}")
    double maxMessagesPerSecond;

    @Option(
            names = "--message-burst",
            paramLabel = "N",
            description = "Commands a session may send at once before the rate applies. Default: ${DEFAULT-VALUE}")
    int messageBurst;

    @Option(
            names = "--max-signal-bytes",
            paramLabel = "N",
            description = "Largest relayed payload; a larger one is refused with message_too_big. "
                    + "Default: ${DEFAULT-VALUE}")
    int maxSignalBytes;

    @Option(
            names = "--network-list-limit",
            paramLabel = "N",
            description = "Most entries in one network user list; the rest are left out. Default: ${DEFAULT-VALUE}")
    int networkListLimit;

    @Option(
            names = "--network-list-coalesce",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "How long changes to one network group are gathered into one update. "
                    + "Default: ${DEFAULT-VALUE}")
    Duration networkListCoalesce;

    @Option(
            names = "--transport",
            paramLabel = "auto|epoll|nio",
            description = "The event-loop transport; auto uses native epoll when available. Default: ${DEFAULT-VALUE}")
    String transport;

    @Option(
            names = "--eio-ping-interval",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description =
                    "Socket.IO apps: how often the server pings each Engine.IO session. Default: ${DEFAULT-VALUE}")
    Duration eioPingInterval;

    @Option(
            names = "--eio-ping-timeout",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Socket.IO apps: how long a pong may take before the session is closed. "
                    + "Default: ${DEFAULT-VALUE}")
    Duration eioPingTimeout;

    @Option(
            names = "--eio-connect-timeout",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Socket.IO apps: how long a session may go without connecting to a namespace. "
                    + "Default: ${DEFAULT-VALUE}")
    Duration eioConnectTimeout;

    @Option(
            names = "--max-payload",
            paramLabel = "N",
            description = "Socket.IO apps: largest Engine.IO message (WebSocket, closed with 1009) or polling POST "
                    + "body (413 and closed). Default: ${DEFAULT-VALUE}")
    int maxPayload;

    @Option(
            names = "--disable-join-rate-limit",
            description = "PrivyDrop: turn off the per-IP limit on fresh room joins (2 per 5 s), like the original's "
                    + "DISABLE_JOIN_RATE_LIMIT=1. Default: ${DEFAULT-VALUE}")
    boolean disableJoinRateLimit;

    @Option(
            names = "--track-requests-per-minute",
            paramLabel = "N",
            description = "PrivyDrop: POST /api/set_track requests one client IP may make a minute; more get 429. "
                    + "Default: ${DEFAULT-VALUE}")
    int trackRequestsPerMinute;

    @Option(
            names = "--client-log-requests-per-minute",
            paramLabel = "N",
            description = "PrivyDrop: POST /api/logs_debug requests one client IP may make a minute; more get 429. "
                    + "Default: ${DEFAULT-VALUE}")
    int clientLogRequestsPerMinute;

    @Option(
            names = "--store",
            paramLabel = "memory|URL",
            description =
                    "Where shared state lives: memory (this process only) or redis://[user:password@]host:port[/db]"
                            + " (rediss:// for TLS; a Redis Cluster is detected), shared by every node. Default: ${DEFAULT-VALUE}")
    String store;

    @Option(
            names = "--node-heartbeat",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "With a Redis store: how often this node heartbeats; survivors clean up after a node silent "
                    + "for about 1.5 periods. Default: ${DEFAULT-VALUE}")
    Duration nodeHeartbeat;

    @Option(
            names = "--worker-threads",
            paramLabel = "N",
            description = "Event-loop threads; 0 means one per core. Default: ${DEFAULT-VALUE}")
    int workerThreads;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "A properties file of further option values, keyed by the long option name without the "
                    + "dashes (see conf/switchboard.example.properties); also SWITCHBOARD_CONFIG. "
                    + "Default: ${DEFAULT-VALUE}")
    String config;

    @Option(
            names = "--noDB",
            description = "Accepted for compatibility with the original DropSilk backend; has no effect. "
                    + "Default: ${DEFAULT-VALUE}")
    boolean noDb;

    /**
     * The config these options describe. Checks the environment and the config file for unknown names first, even when
     * the command line gave every option.
     *
     * @throws ParameterException if a name is unknown or {@link ServerConfig} rejects a value
     */
    ServerConfig toConfig() {
        if (mixee.defaultValueProvider() instanceof LayeredDefaultProvider layers) {
            layers.verify(mixee);
        }
        try {
            return ServerConfig.newBuilder()
                    .host(host)
                    .apps(present(apps))
                    .allowLocalPorts(present(allowLocalPorts))
                    .allowOrigins(present(allowOrigins))
                    .trustedProxies(present(trustedProxies))
                    .logKey(logKey)
                    .turnSecret(turnSecret)
                    .turnUris(present(turnUris))
                    .turnTtl(turnTtl)
                    .turnRequestsPerMinute(turnRequestsPerMinute)
                    .maxFrameBytes(maxFrameBytes)
                    .maxBodyBytes(maxBodyBytes)
                    .maxConnections(maxConnections)
                    .idleTimeout(idleTimeout)
                    .pingInterval(pingInterval)
                    .shutdownTimeout(shutdownTimeout)
                    .outboundBudgetBytes(outboundBudgetBytes)
                    .limits(new CoreLimits(
                            maxMessagesPerSecond, messageBurst, maxSignalBytes, networkListLimit, networkListCoalesce))
                    .transport(transport)
                    .workerThreads(workerThreads)
                    .engineIo(new EngineIoConfig(
                            eioPingInterval,
                            eioPingTimeout,
                            maxPayload,
                            EngineIoConfig.DEFAULTS.upgradeTimeout(),
                            eioConnectTimeout))
                    .joinRateLimit(!disableJoinRateLimit)
                    .trackRequestsPerMinute(trackRequestsPerMinute)
                    .clientLogRequestsPerMinute(clientLogRequestsPerMinute)
                    .store(store)
                    .nodeHeartbeat(nodeHeartbeat)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(mixee.commandLine(), "Invalid configuration: " + e.getMessage(), e);
        }
    }

    /** Whether {@code --noDB} was given (it changes nothing; {@code serve} says so in the log). */
    boolean noDb() {
        return noDb;
    }

    /** The list without the empty entries that blank values leave (see the class comment). */
    private static <T> List<T> present(List<T> values) {
        return values.stream().filter(Objects::nonNull).toList();
    }
}
