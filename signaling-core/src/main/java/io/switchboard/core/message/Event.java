package io.switchboard.core.message;

import static java.util.Objects.requireNonNull;

import io.switchboard.core.Nullable;
import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.id.SessionId;
import io.switchboard.core.network.ConnectionType;
import java.util.List;

/**
 * What a session is told, before its dialect encodes it. Events are immutable and may be shared between
 * recipients, so one relayed payload is encoded for each target without being copied.
 */
public sealed interface Event {
    /** The session exists and has this id; always the first event of a session. */
    record Registered(SessionId id) implements Event {
        /** The id is required. */
        public Registered {
            requireNonNull(id, "id");
        }
    }

    /**
     * The peers on the recipient's network. Shared by every recipient of one update: the dialect leaves out {@code
     * exclude} (the recipient itself) and writes at most {@code limit} entries.
     */
    record NetworkPeers(List<PeerSummary> peers, @Nullable SessionId exclude, int limit) implements Event {
        /** An empty list, sent to sessions that are busy in a full room. */
        public static final NetworkPeers NONE = new NetworkPeers(List.of(), null, 0);

        /** The list is required and copied. */
        public NetworkPeers {
            peers = List.copyOf(peers);
        }
    }

    /** A room was created for the recipient with this code. */
    record RoomCreated(String code) implements Event {
        /** The code is required. */
        public RoomCreated {
            requireNonNull(code, "code");
        }
    }

    /** A peer is now in the recipient's room. */
    record PeerJoined(String code, Member peer, ConnectionType connectionType) implements Event {
        /** All fields are required. */
        public PeerJoined {
            requireNonNull(code, "code");
            requireNonNull(peer, "peer");
            requireNonNull(connectionType, "connectionType");
        }
    }

    /** Another session invites the recipient into its room. */
    record Invited(String code, String fromName) implements Event {
        /** Both fields are required. */
        public Invited {
            requireNonNull(code, "code");
            requireNonNull(fromName, "fromName");
        }
    }

    /** A payload from a peer of the recipient's room. */
    record SignalRelayed(SessionId from, RawJson payload) implements Event {
        /** Both fields are required. */
        public SignalRelayed {
            requireNonNull(from, "from");
            requireNonNull(payload, "payload");
        }
    }

    /** A peer left the recipient's room. */
    record PeerLeft(SessionId peer) implements Event {
        /** The peer is required. */
        public PeerLeft {
            requireNonNull(peer, "peer");
        }
    }

    /**
     * Someone else took the recipient out of room {@code roomId} (PrivyDrop's REST {@code leave_room}): its session
     * stops using that room. Consumed by the session on whichever node holds it, never sent to the client.
     */
    record RoomRevoked(String roomId) implements Event {
        /** The room id is required. */
        public RoomRevoked {
            requireNonNull(roomId, "roomId");
        }
    }

    /** The recipient's last command failed. */
    record Failed(ErrorCode code, @Nullable String detail) implements Event {
        /** The code is required. */
        public Failed {
            requireNonNull(code, "code");
        }
    }

    /** The server is going away; a close follows. */
    record ShuttingDown() implements Event {}

    /**
     * The answer to a join: success or the reason it failed, with the room id it concerned (null when the failure
     * concerns no particular room) and, for server errors, a short error text.
     */
    record JoinAnswer(boolean success, String message, @Nullable String roomId, @Nullable String error)
            implements Event {
        /** The message is required. */
        public JoinAnswer {
            requireNonNull(message, "message");
        }
    }

    /** A peer joined (or rejoined) the recipient's room and is ready to be offered a connection. */
    record PeerReady(SessionId peer) implements Event {
        /** The peer is required. */
        public PeerReady {
            requireNonNull(peer, "peer");
        }
    }

    /** One signaling step from a peer of the recipient's room, addressed to the recipient. */
    record PeerSignal(SignalKind kind, SessionId from, RawJson payload) implements Event {
        /** All fields are required. */
        public PeerSignal {
            requireNonNull(kind, "kind");
            requireNonNull(from, "from");
            requireNonNull(payload, "payload");
        }
    }

    /** A peer of the recipient's room announced something; {@code peer} is the announcing session. */
    record Announcement(AnnounceKind kind, String roomId, SessionId peer) implements Event {
        /** All fields are required. */
        public Announcement {
            requireNonNull(kind, "kind");
            requireNonNull(roomId, "roomId");
            requireNonNull(peer, "peer");
        }
    }

    /**
     * An event named {@code name} with {@code args} (the raw JSON of its arguments, comma-separated as they stand in
     * an array; empty for none) and the binary attachments their placeholders refer to.
     */
    record Emitted(String name, RawJson args, List<byte[]> attachments) implements Event {
        /** Name and arguments are required; the attachments are copied. */
        public Emitted {
            requireNonNull(name, "name");
            requireNonNull(args, "args");
            attachments = List.copyOf(attachments);
        }
    }

    /** The acknowledgement {@code ackId} of a client's event, with its arguments and attachments. */
    record Acknowledged(long ackId, RawJson args, List<byte[]> attachments) implements Event {
        /** The arguments are required; the attachments are copied. */
        public Acknowledged {
            requireNonNull(args, "args");
            attachments = List.copyOf(attachments);
        }
    }
}
