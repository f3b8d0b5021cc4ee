package io.switchboard.server.bench;

import io.switchboard.core.CoreLimits;
import io.switchboard.server.bench.reference.ReferenceRelay;
import io.switchboard.server.config.ServerConfig;
import io.switchboard.server.testing.TestServer;
import java.net.URI;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * A real server for one bench dialect on a free loopback port: Switchboard serving DropSilk or PrivyDrop with limits
 * that never refuse the load, or the reference relay.
 */
final class BenchTarget implements AutoCloseable {
    /** Limits high enough that no bench test is rate-limited. */
    static final CoreLimits UNLIMITED = new CoreLimits(1_000_000, 1_000_000, 65536, 100, Duration.ofMillis(50));

    private final String dialect;
    private final URI url;
    private final AutoCloseable server;

    private BenchTarget(String dialect, URI url, AutoCloseable server) {
        this.dialect = dialect;
        this.url = url;
        this.server = server;
    }

    /** Starts a server for {@code dialect}: dropsilk, privydrop or reference. */
    static BenchTarget start(String dialect) throws InterruptedException {
        return start(dialect, b -> b);
    }

    /** Starts a server for {@code dialect} with its config (not the reference relay's) changed by {@code configure}. */
    static BenchTarget start(String dialect, UnaryOperator<ServerConfig.Builder> configure)
            throws InterruptedException {
        return switch (dialect) {
            case "dropsilk" -> {
                TestServer server = TestServer.start(b -> configure.apply(b.limits(UNLIMITED)));
                yield new BenchTarget(dialect, server.webSocketUri(), server);
            }
            case "privydrop" -> {
                TestServer server = TestServer.startApp(
                        "privydrop", b -> configure.apply(b.limits(UNLIMITED).joinRateLimit(false)));
                yield new BenchTarget(dialect, URI.create(server.baseUrl()), server);
            }
            case "reference" -> {
                ReferenceRelay relay = ReferenceRelay.start("127.0.0.1", 0, "auto", 2);
                yield new BenchTarget(dialect, relay.url(), relay);
            }
            default -> throw new IllegalArgumentException("dialect: " + dialect);
        };
    }

    /** The {@code --url} of the server. */
    URI url() {
        return url;
    }

    /** Settings for a run against it, with small sizes: 4 pairs, no warmup, 2 client threads. */
    BenchSettings.Builder settings() {
        return BenchSettings.newBuilder(url, BenchProtocol.of(dialect, url))
                .pairs(4)
                .warmup(Duration.ZERO)
                .duration(Duration.ofMinutes(2))
                .threads(2);
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
