package io.switchboard.core.spi;

import static java.util.Objects.requireNonNull;

import io.switchboard.core.message.Member;
import java.util.List;

/** The outcome of {@link RoomStore#join}: a status and the members after the attempt, in join order. */
public record JoinResult(Status status, List<Member> members) {
    /** What happened. */
    public enum Status {
        JOINED,
        ALREADY_MEMBER,
        NOT_FOUND,
        FULL
    }

    /** Copies the member list. */
    public JoinResult {
        requireNonNull(status, "status");
        members = List.copyOf(members);
    }
}
