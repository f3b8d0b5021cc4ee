package io.switchboard.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.core.id.AppId;
import io.switchboard.core.id.NodeId;
import io.switchboard.core.id.RoomKey;
import io.switchboard.core.id.SessionId;
import io.switchboard.core.message.Member;
import io.switchboard.core.network.ClientAddress;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link RoomStore} must have; one subclass per backend. */
public abstract class RoomStoreContract {
    private final AppId app = new AppId("contract");

    /** A store to test; tests isolate themselves with unique room codes. */
    protected abstract RoomStore store();

    @Test
    void createIsRefusedForAnExistingRoom() {
        RoomKey room = newRoom();
        assertTrue(await(store().create(room, member("a"))));
        assertFalse(await(store().create(room, member("b"))));
        assertEquals(List.of(member("a")), await(store().members(room)));
    }

    @Test
    void joinAddsInOrderUpToTheCapacity() {
        RoomKey room = newRoom();
        await(store().create(room, member("a")));
        assertEquals(
                JoinResult.Status.JOINED,
                await(store().join(room, member("b"), 2)).status());
        JoinResult full = await(store().join(room, member("c"), 2));
        assertEquals(JoinResult.Status.FULL, full.status());
        assertEquals(List.of(member("a"), member("b")), full.members());
    }

    @Test
    void joiningTwiceReportsAlreadyMember() {
        RoomKey room = newRoom();
        await(store().create(room, member("a")));
        assertEquals(
                JoinResult.Status.ALREADY_MEMBER,
                await(store().join(room, member("a"), 2)).status());
    }

    @Test
    void joiningAMissingRoomReportsNotFound() {
        assertEquals(
                JoinResult.Status.NOT_FOUND,
                await(store().join(newRoom(), member("a"), 2)).status());
    }

    @Test
    void theLastLeaveDeletesTheRoom() {
        RoomKey room = newRoom();
        await(store().create(room, member("a")));
        await(store().join(room, member("b"), 2));
        assertEquals(List.of(member("b")), await(store().leave(room, new SessionId("a"))));
        assertEquals(List.of(), await(store().leave(room, new SessionId("b"))));
        assertEquals(
                JoinResult.Status.NOT_FOUND,
                await(store().join(room, member("c"), 2)).status());
    }

    @Test
    void deleteRemovesTheRoomAndCountFollows() {
        RoomKey room = newRoom();
        int before = await(store().count(app));
        await(store().create(room, member("a")));
        assertEquals(before + 1, await(store().count(app)));
        await(store().delete(room));
        assertEquals(before, await(store().count(app)));
        assertEquals(List.of(), await(store().members(room)));
    }

    private RoomKey newRoom() {
        return new RoomKey(app, UUID.randomUUID().toString());
    }

    private static Member member(String id) {
        return new Member(new SessionId(id), new NodeId("n1"), "name-" + id, ClientAddress.parse("10.0.0.1"));
    }

    private static <T> T await(java.util.concurrent.CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }
}
