package io.switchboard.core.session;

import static java.util.Objects.requireNonNull;

import io.switchboard.core.Nullable;
import io.switchboard.core.id.AppId;
import io.switchboard.core.id.NodeId;
import io.switchboard.core.id.RoomKey;
import io.switchboard.core.id.SessionId;
import io.switchboard.core.limit.TokenBucket;
import io.switchboard.core.message.Event;
import io.switchboard.core.message.Member;
import io.switchboard.core.message.RawJson;
import io.switchboard.core.network.ClientAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * One connected client on this node.
 *
 * <p>Threading: a session's commands run on one thread (its transport's), which alone changes {@link #room()} and
 * {@link #name()}. {@link #peers()} is changed by whatever thread delivers a {@code PeerJoined}/{@code PeerLeft}
 * event through {@link #deliver}, so it is a volatile immutable list, read without locks on the relay path.
 */
public final class Session {
    private final SessionId id;
    private final AppId app;
    private final NodeId node;
    private final ClientAddress address;
    private final String userAgent;
    private final Instant connectedAt;
    private final PeerSink sink;
    private final TokenBucket messageRate;
    private final RawJson handshake;
    private volatile String name;
    private volatile @Nullable RoomKey room;
    private volatile List<Member> peers = List.of();
    private volatile @Nullable CheckedTarget checkedTarget;
    private CompletableFuture<Void> orderedTail = CompletableFuture.completedFuture(null); // guarded by this
    private int signalsSent;

    /** Creates a session; {@code name} starts as the app's placeholder (DropSilk's "Anonymous"). */
    public Session(SessionInfo info, PeerSink sink, TokenBucket messageRate) {
        requireNonNull(info, "info");
        this.id = info.id();
        this.app = info.app();
        this.node = info.node();
        this.address = info.address();
        this.userAgent = info.userAgent();
        this.connectedAt = info.connectedAt();
        this.name = info.initialName();
        this.handshake = info.handshake();
        this.sink = requireNonNull(sink, "sink");
        this.messageRate = requireNonNull(messageRate, "messageRate");
    }

    /** This session's id. */
    public SessionId id() {
        return id;
    }

    /** The app this session speaks. */
    public AppId app() {
        return app;
    }

    /** The client's address, after the trusted-proxy rules. */
    public ClientAddress address() {
        return address;
    }

    /** The client's {@code User-Agent}, or an empty string. */
    public String userAgent() {
        return userAgent;
    }

    /** When the session was created. */
    public Instant connectedAt() {
        return connectedAt;
    }

    /** What the client sent with its connect, as raw JSON ({@code {}} when nothing). */
    public RawJson handshake() {
        return handshake;
    }

    /** The display name. */
    public String name() {
        return name;
    }

    /** Sets the display name (already validated). */
    public void name(String name) {
        this.name = requireNonNull(name, "name");
    }

    /** The room this session is in, or null. */
    public @Nullable RoomKey room() {
        return room;
    }

    /** Sets or clears the room this session is in. */
    public void room(@Nullable RoomKey room) {
        this.room = room;
        this.checkedTarget = null;
    }

    /**
     * Whether the store confirmed, at most {@code maxAgeMillis} before {@code nowMillis}, that {@code target} is in
     * {@code room} and nothing since said otherwise: a {@code PeerLeft} for it, or this session changing rooms, forgets
     * the confirmation. Lets a sender's stream of signals to one peer skip a store round trip per signal.
     */
    public boolean isTargetChecked(SessionId target, RoomKey room, long nowMillis, long maxAgeMillis) {
        CheckedTarget c = checkedTarget;
        return c != null
                && c.target().equals(target)
                && c.room().equals(room)
                && nowMillis - c.atMillis() >= 0
                && nowMillis - c.atMillis() <= maxAgeMillis;
    }

    /** Records that the store confirmed at {@code nowMillis} that {@code target} is in {@code room}. */
    public void rememberTargetChecked(SessionId target, RoomKey room, long nowMillis) {
        checkedTarget = new CheckedTarget(target, room, nowMillis);
    }

    /**
     * Runs {@code step} after every step this session queued before it has finished (successfully or not), so that
     * work which waits on the store (a PrivyDrop signal's room check and directory lookup) leaves in the order the
     * client sent it. A step whose predecessors are done runs at once, on the caller's thread.
     */
    public synchronized void inOrder(Supplier<? extends CompletionStage<?>> step) {
        orderedTail = orderedTail.thenCompose(ignored -> {
            try {
                return step.get().handle((result, failure) -> (Void) null);
            } catch (RuntimeException e) {
                return CompletableFuture.<Void>completedFuture(null);
            }
        });
    }

    /** The other members of this session's room, as last told to it. */
    public List<Member> peers() {
        return peers;
    }

    /** Whether this session shares its room with at least one peer. */
    public boolean isPaired() {
        return !peers.isEmpty();
    }

    /** This session's membership record, as its room's store keeps it. */
    public Member asMember() {
        return new Member(id, node, name, address);
    }

    /** The per-session message rate limiter; used only on the session's own thread. */
    public TokenBucket messageRate() {
        return messageRate;
    }

    /** The outbound port. */
    public PeerSink sink() {
        return sink;
    }

    /** Counts one relayed signal; called on the session's own thread. */
    public void countSignal() {
        signalsSent++;
    }

    /** How many signals this session relayed. */
    public int signalsSent() {
        return signalsSent;
    }

    /** Forgets every peer (the session left its room). */
    public void clearPeers() {
        peers = List.of();
    }

    /**
     * Sends {@code event} to the client, first updating the peer list for {@code PeerJoined} and {@code PeerLeft}
     * so that relays from this session reach exactly the peers it was told about. A {@code RoomRevoked} for the
     * session's room clears it and is not sent.
     */
    public void deliver(Event event) {
        if (event instanceof Event.RoomRevoked revoked) {
            RoomKey current = room;
            if (current != null && current.code().equals(revoked.roomId())) {
                room(null);
            }
            return;
        }
        if (event instanceof Event.PeerJoined joined) {
            addPeer(joined.peer());
        } else if (event instanceof Event.PeerLeft left) {
            removePeer(left.peer());
            CheckedTarget c = checkedTarget;
            if (c != null && c.target().equals(left.peer())) {
                checkedTarget = null;
            }
        }
        sink.send(event);
    }

    private synchronized void addPeer(Member member) {
        List<Member> next = new ArrayList<>(peers.size() + 1);
        for (Member m : peers) {
            if (!m.id().equals(member.id())) {
                next.add(m);
            }
        }
        next.add(member);
        peers = List.copyOf(next);
    }

    private synchronized void removePeer(SessionId peer) {
        List<Member> next = new ArrayList<>(peers.size());
        for (Member m : peers) {
            if (!m.id().equals(peer)) {
                next.add(m);
            }
        }
        peers = List.copyOf(next);
    }

    @Override
    public String toString() {
        return "Session[" + app + "/" + id + "]";
    }

    /** A peer the store confirmed to be in a room, and when. */
    private record CheckedTarget(SessionId target, RoomKey room, long atMillis) {}
}
