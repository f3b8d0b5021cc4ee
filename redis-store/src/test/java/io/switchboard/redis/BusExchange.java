package io.switchboard.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.core.id.NodeId;
import io.switchboard.core.id.SessionId;
import io.switchboard.core.message.Event;
import io.switchboard.core.message.RawJson;
import io.switchboard.core.spi.Delivery;
import io.switchboard.redis.testing.Eventually;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * Two nodes, each with its own bus, sending numbered signals to each other at the same time; then checks that each
 * side got every signal exactly once and in order. An end marker sent last proves nothing is still in flight.
 */
final class BusExchange {
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private BusExchange() {}

    static void bothWays(RedisNodeBus busA, RedisNodeBus busB, int count) throws Exception {
        NodeId a = new NodeId("a-" + UUID.randomUUID());
        NodeId b = new NodeId("b-" + UUID.randomUUID());
        ConcurrentLinkedQueue<Delivery> atA = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Delivery> atB = new ConcurrentLinkedQueue<>();
        try (AutoCloseable inboxA = busA.subscribe(a, atA::add);
                AutoCloseable inboxB = busB.subscribe(b, atB::add)) {
            Eventually.await(DEADLINE, () -> busA.isSubscribed(a) && busB.isSubscribed(b) ? null : "not subscribed");
            CompletableFuture<List<CompletableFuture<Void>>> fromA =
                    CompletableFuture.supplyAsync(() -> send(busA, b, count));
            List<CompletableFuture<Void>> fromB = send(busB, a, count);
            CompletableFuture.allOf(fromB.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            CompletableFuture.allOf(fromA.get(60, TimeUnit.SECONDS).toArray(CompletableFuture[]::new))
                    .get(60, TimeUnit.SECONDS);
            Eventually.await(DEADLINE, () -> ended(atA) && ended(atB) ? null : atA.size() + ", " + atB.size());
            assertNumbered(atA, count);
            assertNumbered(atB, count);
        }
    }

    /** A signal carrying {@code {"seq":n}}, as a peer would relay it. */
    static Delivery numbered(int n) {
        return new Delivery(
                new SessionId("target"),
                new Event.SignalRelayed(new SessionId("sender"), RawJson.of("{\"seq\":" + n + "}")));
    }

    static int numberOf(Delivery delivery) {
        String json = ((Event.SignalRelayed) delivery.event()).payload().toString();
        return Integer.parseInt(json.substring("{\"seq\":".length(), json.length() - 1));
    }

    private static List<CompletableFuture<Void>> send(RedisNodeBus bus, NodeId to, int count) {
        List<CompletableFuture<Void>> sent = new ArrayList<>(count + 1);
        for (int i = 0; i < count; i++) {
            sent.add(bus.publish(to, numbered(i)).toCompletableFuture());
        }
        sent.add(bus.publish(to, new Delivery(new SessionId("target"), new Event.ShuttingDown()))
                .toCompletableFuture());
        return sent;
    }

    private static boolean ended(ConcurrentLinkedQueue<Delivery> inbox) {
        return inbox.stream().anyMatch(d -> d.event() instanceof Event.ShuttingDown);
    }

    private static void assertNumbered(ConcurrentLinkedQueue<Delivery> inbox, int count) {
        List<Delivery> got = new ArrayList<>(inbox);
        assertEquals(count + 1, got.size(), "deliveries including the end marker");
        for (int i = 0; i < count; i++) {
            assertEquals(i, numberOf(got.get(i)), "delivery at position " + i);
        }
    }
}
