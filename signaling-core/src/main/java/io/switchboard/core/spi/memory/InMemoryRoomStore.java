package io.switchboard.core.spi.memory;

import static java.util.concurrent.CompletableFuture.completedFuture;

import io.switchboard.core.id.AppId;
import io.switchboard.core.id.RoomKey;
import io.switchboard.core.id.SessionId;
import io.switchboard.core.message.Member;
import io.switchboard.core.spi.JoinResult;
import io.switchboard.core.spi.RoomStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rooms in a {@link ConcurrentHashMap}; each room's member list is an immutable snapshot replaced atomically with
 * {@code compute}, so reads never lock and writes to one room are serialised.
 */
public final class InMemoryRoomStore implements RoomStore {
    private final ConcurrentHashMap<RoomKey, List<Member>> rooms = new ConcurrentHashMap<>();

    @Override
    public CompletionStage<Boolean> create(RoomKey room, Member owner) {
        return completedFuture(rooms.putIfAbsent(room, List.of(owner)) == null);
    }

    @Override
    public CompletionStage<JoinResult> join(RoomKey room, Member member, int capacity) {
        AtomicReference<JoinResult> result = new AtomicReference<>();
        rooms.computeIfPresent(room, (key, members) -> {
            if (indexOf(members, member.id()) >= 0) {
                result.set(new JoinResult(JoinResult.Status.ALREADY_MEMBER, members));
                return members;
            }
            if (members.size() >= capacity) {
                result.set(new JoinResult(JoinResult.Status.FULL, members));
                return members;
            }
            List<Member> next = new ArrayList<>(members);
            next.add(member);
            List<Member> snapshot = List.copyOf(next);
            result.set(new JoinResult(JoinResult.Status.JOINED, snapshot));
            return snapshot;
        });
        JoinResult outcome = result.get();
        return completedFuture(outcome == null ? new JoinResult(JoinResult.Status.NOT_FOUND, List.of()) : outcome);
    }

    @Override
    public CompletionStage<List<Member>> leave(RoomKey room, SessionId member) {
        AtomicReference<List<Member>> remaining = new AtomicReference<>(List.of());
        rooms.computeIfPresent(room, (key, members) -> {
            int index = indexOf(members, member);
            if (index < 0) {
                remaining.set(members);
                return members;
            }
            List<Member> next = new ArrayList<>(members);
            next.remove(index);
            remaining.set(List.copyOf(next));
            return next.isEmpty() ? null : remaining.get();
        });
        return completedFuture(remaining.get());
    }

    @Override
    public CompletionStage<List<Member>> members(RoomKey room) {
        return completedFuture(rooms.getOrDefault(room, List.of()));
    }

    @Override
    public CompletionStage<Void> delete(RoomKey room) {
        rooms.remove(room);
        return completedFuture(null);
    }

    @Override
    public CompletionStage<Integer> count(AppId app) {
        int count = 0;
        for (RoomKey key : rooms.keySet()) {
            if (key.app().equals(app)) {
                count++;
            }
        }
        return completedFuture(count);
    }

    private static int indexOf(List<Member> members, SessionId id) {
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
