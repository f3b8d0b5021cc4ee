package io.switchboard.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.switchboard.core.id.NodeId;
import io.switchboard.core.id.SessionId;
import io.switchboard.core.spi.SessionDirectory;
import io.switchboard.core.spi.SessionDirectoryContract;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link RedisSessionDirectory} on a standalone server, with the per-node views node-liveness uses; {@link
 * RedisClusterSessionDirectoryTest} runs the same on a Cluster.
 */
class RedisSessionDirectoryTest extends SessionDirectoryContract {
    private RedisStores stores;
    private final NodeId dead = new NodeId("dead-" + UUID.randomUUID());
    private final NodeId alive = new NodeId("alive-" + UUID.randomUUID());
    private final SessionId s1 = new SessionId("s1-" + UUID.randomUUID());
    private final SessionId s2 = new SessionId("s2-" + UUID.randomUUID());

    /** Where the stores under test live. */
    RedisTarget target() {
        return RedisTarget.STANDALONE;
    }

    @Override
    protected SessionDirectory newDirectory() {
        stores = target().connect(Clock.systemUTC());
        return stores.directory();
    }

    @AfterEach
    void close() {
        stores.close();
    }

    @Test
    void aNodeListsTheSessionsItRegistered() {
        await(stores.directory().register(s1, dead));
        await(stores.directory().register(s2, dead));
        assertEquals(Set.of(s1, s2), await(stores.directory().sessionsOf(dead)));
        assertEquals(Set.of(), await(stores.directory().sessionsOf(alive)));
    }

    @Test
    void aSessionLeavesItsNodesListWhenItMovesOrUnregisters() {
        await(stores.directory().register(s1, dead));
        await(stores.directory().register(s2, dead));
        await(stores.directory().register(s1, alive));
        await(stores.directory().unregister(s2));
        assertEquals(Set.of(), await(stores.directory().sessionsOf(dead)));
        assertEquals(Set.of(s1), await(stores.directory().sessionsOf(alive)));
    }

    @Test
    void forgettingANodeForgetsItsSessionsOnly() {
        SessionId elsewhere = new SessionId("e-" + UUID.randomUUID());
        await(stores.directory().register(s1, dead));
        await(stores.directory().register(s2, dead));
        await(stores.directory().register(elsewhere, alive));
        await(stores.directory().forgetNode(dead));
        assertNull(await(stores.directory().nodeOf(s1)));
        assertNull(await(stores.directory().nodeOf(s2)));
        assertEquals(alive, await(stores.directory().nodeOf(elsewhere)));
        assertEquals(Set.of(), await(stores.directory().sessionsOf(dead)));
        assertEquals(Set.of(elsewhere), await(stores.directory().sessionsOf(alive)));
    }

    @Test
    void forgettingANodeKeepsASessionThatMovedOnBeforeItsListCaughtUp() {
        // The dead node's list still names s1 (as after a crash between register's steps), but s1 now lives on alive.
        await(stores.directory().register(s1, dead));
        try (var raw = target().rawClient()) {
            raw.set(stores.directory().sessionKey(s1), alive.value());
        }
        await(stores.directory().forgetNode(dead));
        assertEquals(alive, await(stores.directory().nodeOf(s1)));
    }

    @Test
    void forgettingAnUnknownNodeIsHarmless() {
        await(stores.directory().forgetNode(dead));
        assertEquals(Set.of(), await(stores.directory().sessionsOf(dead)));
    }

    private static <T> T await(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }
}
