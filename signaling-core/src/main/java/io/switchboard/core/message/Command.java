package io.switchboard.core.message;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a client asks for, decoded by its dialect. Field values are as the client sent them; the core validates
 * them (names, codes, sizes) so that every dialect gets the same rules.
 */
public sealed interface Command {
    /** Sets the session's display name. */
    record Register(String name) implements Command {
        /** The name is required (it may still be invalid). */
        public Register {
            requireNonNull(name, "name");
        }
    }

    /** Creates a room with a server-chosen code and joins it. */
    record CreateRoom() implements Command {}

    /** Joins the room with the given code. */
    record JoinRoom(String code) implements Command {
        /** The code is required (it may still be invalid). */
        public JoinRoom {
            requireNonNull(code, "code");
        }
    }

    /** Invites another session into the sender's room. */
    record Invite(String inviteeId, String code) implements Command {
        /** Both fields are required (they may still be invalid). */
        public Invite {
            requireNonNull(inviteeId, "inviteeId");
            requireNonNull(code, "code");
        }
    }

    /** Relays an opaque payload to the other members of the sender's room. */
    record Relay(RawJson payload) implements Command {
        /** The payload is required. */
        public Relay {
            requireNonNull(payload, "payload");
        }
    }

    /** Relays an opaque payload of one signaling step to one peer of the sender's room. */
    record SignalPeer(SignalKind kind, String target, RawJson payload) implements Command {
        /** All fields are required (the target may still be invalid). */
        public SignalPeer {
            requireNonNull(kind, "kind");
            requireNonNull(target, "target");
            requireNonNull(payload, "payload");
        }
    }

    /** Announces something to the other members of a room the sender is in. */
    record Announce(AnnounceKind kind, String roomId) implements Command {
        /** Both fields are required (the room id may still be invalid). */
        public Announce {
            requireNonNull(kind, "kind");
            requireNonNull(roomId, "roomId");
        }
    }

    /**
     * Sends the arguments of an event back to its sender, as the Socket.IO reference test server does ({@code message}
     * → {@code message-back}); with an {@code ackId} (≥ 0) they are sent back as the acknowledgement instead.
     */
    record Echo(RawJson args, List<byte[]> attachments, long ackId) implements Command {
        /** The arguments are required; the attachments are copied. */
        public Echo {
            requireNonNull(args, "args");
            attachments = List.copyOf(attachments);
        }
    }
}
