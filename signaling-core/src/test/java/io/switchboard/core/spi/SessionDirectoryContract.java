package io.switchboard.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.switchboard.core.id.NodeId;
import io.switchboard.core.id.SessionId;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link SessionDirectory} must have; one subclass per backend. */
public abstract class SessionDirectoryContract {
    private SessionDirectory directory;
    private final SessionId session = new SessionId("s-" + UUID.randomUUID());
    private final NodeId nodeA = new NodeId("a-" + UUID.randomUUID());
    private final NodeId nodeB = new NodeId("b-" + UUID.randomUUID());

    /** A directory to test; called before each test, which isolates itself with unique ids. */
    protected abstract SessionDirectory newDirectory();

    @BeforeEach
    void newDirectoryForEachTest() {
        directory = newDirectory();
    }

    @Test
    void anUnknownSessionHasNoNode() {
        assertNull(await(directory.nodeOf(session)));
    }

    @Test
    void aRegisteredSessionResolvesToItsNode() {
        await(directory.register(session, nodeA));
        assertEquals(nodeA, await(directory.nodeOf(session)));
    }

    @Test
    void registeringAgainMovesTheSessionToTheNewNode() {
        await(directory.register(session, nodeA));
        await(directory.register(session, nodeB));
        assertEquals(nodeB, await(directory.nodeOf(session)));
    }

    @Test
    void registeringTwiceOnOneNodeIsHarmless() {
        await(directory.register(session, nodeA));
        await(directory.register(session, nodeA));
        assertEquals(nodeA, await(directory.nodeOf(session)));
    }

    @Test
    void anUnregisteredSessionIsForgotten() {
        await(directory.register(session, nodeA));
        await(directory.unregister(session));
        assertNull(await(directory.nodeOf(session)));
    }

    @Test
    void unregisteringAnUnknownSessionIsHarmless() {
        await(directory.unregister(session));
        assertNull(await(directory.nodeOf(session)));
    }

    @Test
    void sessionsAreIndependent() {
        SessionId other = new SessionId("o-" + UUID.randomUUID());
        await(directory.register(session, nodeA));
        await(directory.register(other, nodeB));
        await(directory.unregister(session));
        assertNull(await(directory.nodeOf(session)));
        assertEquals(nodeB, await(directory.nodeOf(other)));
    }

    private static <T> T await(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }
}
