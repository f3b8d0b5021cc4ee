package io.switchboard.server.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real WebSocket client (the JDK's) that queues every text message it receives and records the close it gets.
 */
public final class WsClient implements AutoCloseable {
    /** How long a test waits for one expected message. */
    public static final Duration WAIT = Duration.ofSeconds(10);

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final BlockingQueue<byte[]> binaries = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final java.util.concurrent.atomic.AtomicInteger pings = new java.util.concurrent.atomic.AtomicInteger();
    private final WebSocket socket;

    private WsClient(URI uri, Map<String, String> headers) {
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(WAIT);
        headers.forEach(builder::header);
        socket = builder.buildAsync(uri, new Listener()).join();
    }

    /** Connects to {@code uri}. */
    public static WsClient connect(URI uri) {
        return new WsClient(uri, Map.of());
    }

    /** Connects to {@code uri} with extra handshake headers (e.g. Origin, X-Forwarded-For). */
    public static WsClient connect(URI uri, Map<String, String> headers) {
        return new WsClient(uri, headers);
    }

    /** Sends one text message. */
    public WsClient send(String text) {
        socket.sendText(text, true).join();
        return this;
    }

    /** Sends one binary message. */
    public WsClient sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
        return this;
    }

    /** The next message, or fails after {@link #WAIT}. */
    public String next() {
        try {
            String message = messages.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (message == null) {
                throw new AssertionError("no message within " + WAIT);
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next message within {@code timeout}, or null. */
    public String poll(Duration timeout) {
        try {
            return messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next binary message, or fails after {@link #WAIT}. */
    public byte[] nextBinary() {
        try {
            byte[] message = binaries.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (message == null) {
                throw new AssertionError("no binary message within " + WAIT);
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next text message that is not an Engine.IO ping; pings on the way are answered with a pong. */
    public String nextEngineIo() {
        while (true) {
            String message = next();
            if (!"2".equals(message)) {
                return message;
            }
            send("3");
        }
    }

    /** The next message as a JSON object. */
    public Map<String, Object> nextJson() {
        return JsonTree.object(next());
    }

    /** Skips messages until one of {@code type} arrives, and returns it. */
    public Map<String, Object> awaitType(String type) {
        List<String> skipped = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Object> message = nextJson();
            if (type.equals(message.get("type"))) {
                return message;
            }
            skipped.add(String.valueOf(message.get("type")));
        }
        throw new AssertionError("no " + type + " within " + WAIT + "; saw " + skipped);
    }

    /** Expects an {@code error} message with exactly {@code text}, skipping user-list updates. */
    public void expectError(String text) {
        Map<String, Object> error = awaitType("error");
        assertEquals(text, error.get("message"));
    }

    /** The messages received and not read yet. */
    public List<String> drain() {
        List<String> out = new ArrayList<>();
        messages.drainTo(out);
        return out;
    }

    /** The close code the server sent, waiting up to {@link #WAIT}. */
    public int awaitClose() {
        try {
            return closeCode.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("no close within " + WAIT, e);
        }
    }

    /** Whether the server closed the connection. */
    public boolean isClosed() {
        return closeCode.isDone();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        socket.abort();
    }

    /** How many WebSocket pings the server sent (the JDK client answers each with a pong by itself). */
    public int pings() {
        return pings.get();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, java.nio.ByteBuffer message) {
            pings.incrementAndGet();
            webSocket.request(1);
            return null; // the implementation sends the pong
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        private final java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] chunk = new byte[data.remaining()];
            data.get(chunk);
            binary.write(chunk, 0, chunk.length);
            if (last) {
                binaries.add(binary.toByteArray());
                binary.reset();
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode.complete(-1);
        }
    }
}
