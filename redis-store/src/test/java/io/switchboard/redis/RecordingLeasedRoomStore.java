package io.switchboard.redis;

import io.switchboard.core.Nullable;
import io.switchboard.core.id.SessionId;
import io.switchboard.core.spi.LeasedRoomStore;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** A {@link LeasedRoomStore} that notes every room and session it is asked about, then passes the call on. */
final class RecordingLeasedRoomStore implements LeasedRoomStore {
    private final LeasedRoomStore store;
    private final Set<String> rooms = new LinkedHashSet<>();
    private final Set<SessionId> sessions = new LinkedHashSet<>();

    RecordingLeasedRoomStore(LeasedRoomStore store) {
        this.store = store;
    }

    /** The room ids seen so far. */
    Set<String> rooms() {
        return rooms;
    }

    /** The sessions seen so far. */
    Set<SessionId> sessions() {
        return sessions;
    }

    @Override
    public CompletionStage<Boolean> exists(String roomId) {
        rooms.add(roomId);
        return store.exists(roomId);
    }

    @Override
    public CompletionStage<Boolean> create(String roomId, Instant createdAt) {
        rooms.add(roomId);
        return store.create(roomId, createdAt);
    }

    @Override
    public CompletionStage<@Nullable String> boundRoom(SessionId session) {
        sessions.add(session);
        return store.boundRoom(session);
    }

    @Override
    public CompletionStage<Void> bind(SessionId session, String roomId) {
        sessions.add(session);
        rooms.add(roomId);
        return store.bind(session, roomId);
    }

    @Override
    public CompletionStage<Void> refresh(String roomId) {
        rooms.add(roomId);
        return store.refresh(roomId);
    }

    @Override
    public CompletionStage<Integer> unbind(SessionId session, String roomId) {
        sessions.add(session);
        rooms.add(roomId);
        return store.unbind(session, roomId);
    }

    @Override
    public CompletionStage<Set<SessionId>> members(String roomId) {
        rooms.add(roomId);
        return store.members(roomId);
    }

    @Override
    public CompletionStage<Integer> count() {
        return store.count();
    }
}
