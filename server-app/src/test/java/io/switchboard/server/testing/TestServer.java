package io.switchboard.server.testing;

import io.switchboard.server.SwitchboardServer;
import io.switchboard.server.config.AppBinding;
import io.switchboard.server.config.ServerConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A real Switchboard server on a free loopback port, serving DropSilk, with a config hook per test class. */
public final class TestServer implements AutoCloseable {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final SwitchboardServer server;
    private final ServerConfig config;

    private TestServer(ServerConfig config) throws InterruptedException {
        this.config = config;
        this.server = new SwitchboardServer(config);
        server.start();
    }

    /** Starts a DropSilk server with the defaults. */
    public static TestServer start() {
        return start(b -> b);
    }

    /** Starts a DropSilk server with the defaults changed by {@code configure}. */
    public static TestServer start(UnaryOperator<ServerConfig.Builder> configure) {
        return startApp("dropsilk", configure);
    }

    /** Starts a server for {@code app} on a free port with the defaults changed by {@code configure}. */
    public static TestServer startApp(String app, UnaryOperator<ServerConfig.Builder> configure) {
        ServerConfig.Builder builder =
                ServerConfig.newBuilder().host("127.0.0.1").apps(List.of(new AppBinding(app, 0)));
        try {
            return new TestServer(configure.apply(builder).build());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The server. */
    public SwitchboardServer server() {
        return server;
    }

    /** The config it runs with. */
    public ServerConfig config() {
        return config;
    }

    /** The DropSilk WebSocket URI. */
    public URI webSocketUri() {
        return URI.create("ws://127.0.0.1:" + server.port("dropsilk") + "/");
    }

    /** A new WebSocket client connected to DropSilk, with its {@code registered} message already read. */
    public WsClient client() {
        WsClient client = WsClient.connect(webSocketUri());
        client.awaitType("registered");
        return client;
    }

    /** A new client with handshake headers. */
    public WsClient client(Map<String, String> headers) {
        WsClient client = WsClient.connect(webSocketUri(), headers);
        client.awaitType("registered");
        return client;
    }

    /** The HTTP URI of {@code path}. */
    public URI http(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    /** The port of the (only) app. */
    public int port() {
        return server.boundAddresses().values().iterator().next().getPort();
    }

    /** The base URL of the (only) app, e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** Sends {@code request} and returns the response with a string body. */
    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GETs {@code path}. */
    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(http(path)).GET().build());
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
