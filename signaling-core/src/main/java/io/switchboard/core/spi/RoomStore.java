package io.switchboard.core.spi;

import io.switchboard.core.id.AppId;
import io.switchboard.core.id.RoomKey;
import io.switchboard.core.id.SessionId;
import io.switchboard.core.message.Member;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Rooms and their members, shared by every node of a deployment.
 *
 * <p>Contract: each method is atomic with respect to the others on the same room; member lists are in join order
 * (the creator first); a room exists from {@link #create} until its last member leaves or it is {@link #delete}d. A
 * backend shared by several nodes may also end a room nobody joined for a long time (a lease, a day in the Redis
 * backend), so that rooms whose members died with their node cannot stay forever.
 * Methods never block the caller and complete exceptionally only when the backend is unreachable.
 */
public interface RoomStore {
    /** Creates {@code room} with {@code owner} as its only member; completes with false if the room exists. */
    CompletionStage<Boolean> create(RoomKey room, Member owner);

    /**
     * Adds {@code member} to {@code room} unless it is missing or already holds {@code capacity} members. Joining a
     * room one is already in is not an error: the result is {@link JoinResult.Status#ALREADY_MEMBER}.
     */
    CompletionStage<JoinResult> join(RoomKey room, Member member, int capacity);

    /** Removes {@code member}; deletes the room when it becomes empty. Completes with the members that remain. */
    CompletionStage<List<Member>> leave(RoomKey room, SessionId member);

    /** The members of {@code room} in join order; empty if the room does not exist. */
    CompletionStage<List<Member>> members(RoomKey room);

    /** Deletes {@code room} and its membership. */
    CompletionStage<Void> delete(RoomKey room);

    /** How many rooms of {@code app} exist. */
    CompletionStage<Integer> count(AppId app);
}
