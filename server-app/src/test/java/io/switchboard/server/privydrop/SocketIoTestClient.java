package io.switchboard.server.privydrop;

import io.socket.client.IO;
import io.socket.client.Manager;
import io.socket.client.Socket;
import io.socket.engineio.client.Transport;
import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.json.JSONObject;

/** The official Java client (polling first, then the upgrade), recording the first argument of every event. */
final class SocketIoTestClient implements AutoCloseable {
    private static final List<String> EVENTS = List.of(
            "joinResponse",
            "ready",
            "offer",
            "answer",
            "ice-candidate",
            "initiator-online",
            "recipient-ready",
            "peer-disconnected");

    private final Socket socket;
    private final Map<String, BlockingQueue<JSONObject>> received = new ConcurrentHashMap<>();
    private final List<String> transports = new CopyOnWriteArrayList<>();

    SocketIoTestClient(String baseUrl, String forwardedFor) {
        IO.Options options = IO.Options.builder()
                .setForceNew(true)
                .setReconnection(false)
                .setExtraHeaders(Map.of("X-Forwarded-For", Collections.singletonList(forwardedFor)))
                .build();
        socket = IO.socket(URI.create(baseUrl), options);
        for (String event : EVENTS) {
            BlockingQueue<JSONObject> queue = new LinkedBlockingQueue<>();
            received.put(event, queue);
            socket.on(event, args -> queue.add((JSONObject) args[0]));
        }
        socket.io().on(Manager.EVENT_TRANSPORT, args -> transports.add(((Transport) args[0]).name));
        BlockingQueue<Boolean> connected = new LinkedBlockingQueue<>();
        socket.on(Socket.EVENT_CONNECT, args -> connected.add(true));
        socket.connect();
        try {
            if (connected.poll(10, TimeUnit.SECONDS) == null) {
                throw new AssertionError("socket.io client did not connect");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    String id() {
        return socket.id();
    }

    /** The transports the client has opened, in order ({@code polling}, then {@code websocket} on upgrade). */
    List<String> transports() {
        return transports;
    }

    void emit(String event, JSONObject payload) {
        socket.emit(event, payload);
    }

    JSONObject await(String event) {
        try {
            JSONObject payload = received.get(event).poll(10, TimeUnit.SECONDS);
            if (payload == null) {
                throw new AssertionError("no " + event + " within 10 s");
            }
            return payload;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    boolean nothingPending(String event) {
        return received.get(event).isEmpty();
    }

    @Override
    public void close() {
        socket.disconnect();
        socket.close();
    }
}
