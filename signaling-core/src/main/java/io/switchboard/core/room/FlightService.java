package io.switchboard.core.room;

import static java.util.Objects.requireNonNull;

import io.switchboard.core.AppService;
import io.switchboard.core.SignalingNode;
import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.id.Alphabets;
import io.switchboard.core.id.AppId;
import io.switchboard.core.id.IdGenerator;
import io.switchboard.core.id.NodeId;
import io.switchboard.core.id.RoomKey;
import io.switchboard.core.id.SessionId;
import io.switchboard.core.message.Command;
import io.switchboard.core.message.Event;
import io.switchboard.core.message.Member;
import io.switchboard.core.network.ConnectionType;
import io.switchboard.core.presence.NetworkPresence;
import io.switchboard.core.routing.SignalRouter;
import io.switchboard.core.session.DisplayName;
import io.switchboard.core.session.Session;
import io.switchboard.core.spi.JoinResult;
import io.switchboard.core.spi.PresenceEntry;
import io.switchboard.core.spi.RoomStore;
import io.switchboard.core.telemetry.CoreMetrics;
import io.switchboard.core.telemetry.Telemetry;
import io.switchboard.core.telemetry.TelemetryEvent;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * DropSilk's flights: a session creates a flight and gets a code; one other session joins with the code; both are
 * told of each other with the LAN/WAN verdict; signals go to the other member; leaving tells the one who stays.
 *
 * <p>Fixes over the original: codes never collide and are matched case-insensitively; only a member of a flight may
 * invite, and only a session on its own network; user lists go to the affected network group only.
 */
public final class FlightService implements AppService {
    /** Members of one flight at most. */
    public static final int CAPACITY = 2;

    private static final int MAX_CODE_ATTEMPTS = 16;

    private final AppId app;
    private final SignalingNode node;
    private final RoomStore rooms;
    private final SignalRouter router;
    private final Telemetry telemetry;
    private final NetworkPresence presence;
    private final AtomicInteger activeFlights = new AtomicInteger();
    private final CoreMetrics.RelayCounter relayed;

    /** Creates the service of {@code app} on {@code node}. */
    public FlightService(AppId app, SignalingNode node) {
        this.app = requireNonNull(app, "app");
        this.node = requireNonNull(node, "node");
        this.rooms = node.stores().rooms();
        this.router = node.router();
        this.telemetry = node.services().telemetry();
        this.presence = new NetworkPresence(app, node);
        this.relayed = node.services().metrics().relayed(app, "signal");
    }

    @Override
    public void connected(Session session) {
        session.sink().send(new Event.Registered(session.id()));
        presence.join(session);
        telemetry.emit(TelemetryEvent.info(
                "client:connected",
                "clientId",
                session.id().value(),
                "ip",
                session.address().ip(),
                "userAgent",
                session.userAgent()));
    }

    @Override
    public void handle(Session session, Command command) {
        if (command instanceof Command.Relay relay) {
            relay(session, relay);
        } else if (command instanceof Command.Register register) {
            register(session, register.name());
        } else if (command instanceof Command.CreateRoom) {
            create(session, 0);
        } else if (command instanceof Command.JoinRoom join) {
            join(session, join.code());
        } else if (command instanceof Command.Invite invite) {
            invite(session, invite);
        } else {
            fail(session, ErrorCode.UNKNOWN_TYPE);
        }
    }

    @Override
    public void disconnected(Session session) {
        presence.leave(session);
        RoomKey room = session.room();
        telemetry.emit(TelemetryEvent.info(
                "client:disconnected",
                "clientId",
                session.id().value(),
                "flightCode",
                room == null ? null : room.code(),
                "signalsSent",
                session.signalsSent()));
        if (room != null) {
            leave(session, room);
        }
    }

    /**
     * The flight partners of this node's sessions that lived on {@code dead} are gone: each such session gets
     * {@code peer-left} as if the partner had disconnected, and the partner leaves the flight in the store (the
     * local member keeps its flight, as after any {@code peer-left}).
     */
    @Override
    public void nodeLost(NodeId dead) {
        presence.nodeLost(dead);
        for (Session session : node.sessions().all()) {
            RoomKey room = session.room();
            if (!session.app().equals(app) || room == null) {
                continue;
            }
            for (Member peer : session.peers()) {
                if (peer.node().equals(dead)) {
                    session.deliver(new Event.PeerLeft(peer.id()));
                    rooms.leave(room, peer.id());
                    presence.pairingChanged(session.asMember(), session.isPaired());
                    telemetry.emit(TelemetryEvent.info(
                            "flight:peer_lost",
                            "flightCode",
                            room.code(),
                            "clientId",
                            peer.id().value(),
                            "node",
                            dead.value()));
                }
            }
        }
    }

    @Override
    public int activeRooms() {
        return activeFlights.get();
    }

    /**
     * DropSilk's frontend shows session ids in a card sized for the original's 9–10 characters, so ids are 10
     * characters of base 36 (about 52 bits, the original's HEAD format). That is enough: an id only lets one invite
     * its owner, which needs flight membership and the same network, and relays never go by id.
     */
    @Override
    public SessionId newSessionId(IdGenerator ids) {
        return new SessionId(ids.randomString(Alphabets.BASE36_LOWER, 10));
    }

    private void relay(Session session, Command.Relay relay) {
        if (relay.payload().length() > node.services().limits().maxSignalBytes()) {
            fail(session, ErrorCode.MESSAGE_TOO_BIG);
            return;
        }
        List<Member> peers = session.peers();
        if (peers.isEmpty()) {
            return; // not in a flight, or alone in it: dropped, as the original does
        }
        session.countSignal();
        Event event = new Event.SignalRelayed(session.id(), relay.payload());
        for (int i = 0; i < peers.size(); i++) {
            router.relay(session, peers.get(i), event);
            relayed.increment();
        }
    }

    private void register(Session session, String rawName) {
        String name = DisplayName.validate(rawName);
        if (name == null) {
            fail(session, ErrorCode.INVALID_NAME);
            return;
        }
        session.name(name);
        presence.renamed(session);
        telemetry.emit(TelemetryEvent.info(
                "client:registered_details", "clientId", session.id().value(), "name", name));
    }

    private void create(Session session, int attempt) {
        if (session.room() != null) {
            fail(session, ErrorCode.ALREADY_IN_ROOM);
            return;
        }
        RoomKey key = new RoomKey(app, FlightCodes.next(node.services().ids()));
        rooms.create(key, session.asMember()).whenComplete((created, failure) -> {
            if (failure != null) {
                fail(session, ErrorCode.UNAVAILABLE);
            } else if (!created && attempt + 1 < MAX_CODE_ATTEMPTS) {
                create(session, attempt + 1);
            } else if (!created) {
                fail(session, ErrorCode.INTERNAL);
            } else {
                created(session, key);
            }
        });
    }

    private void created(Session session, RoomKey key) {
        session.room(key);
        activeFlights.incrementAndGet();
        session.sink().send(new Event.RoomCreated(key.code()));
        presence.changed(session.address().networkKey());
        telemetry.emit(TelemetryEvent.info(
                "flight:created",
                "flightCode",
                key.code(),
                "creatorId",
                session.id().value(),
                "createdAt",
                node.services().clock().instant().toString()));
    }

    private void join(Session session, String rawCode) {
        String code = FlightCodes.normalise(rawCode);
        if (code == null) {
            fail(session, ErrorCode.INVALID_ROOM_ID);
            return;
        }
        if (session.room() != null) {
            fail(session, ErrorCode.ALREADY_IN_ROOM);
            return;
        }
        RoomKey key = new RoomKey(app, code);
        rooms.join(key, session.asMember(), CAPACITY).whenComplete((result, failure) -> {
            if (failure != null) {
                fail(session, ErrorCode.UNAVAILABLE);
            } else {
                joined(session, key, result);
            }
        });
    }

    private void joined(Session session, RoomKey key, JoinResult result) {
        if (result.status() == JoinResult.Status.NOT_FOUND || result.status() == JoinResult.Status.FULL) {
            boolean full = result.status() == JoinResult.Status.FULL;
            telemetry.emit(TelemetryEvent.warn(
                    "flight:error",
                    "flightCode",
                    key.code(),
                    "clientId",
                    session.id().value(),
                    "error",
                    full ? "flight_full" : "not_found"));
            fail(session, full ? ErrorCode.ROOM_FULL : ErrorCode.ROOM_NOT_FOUND);
            return;
        }
        Member creator = result.members().get(0);
        if (isGoneLocally(creator)) {
            // The creator's own leave is on its way and deletes the flight once it is empty again.
            rooms.leave(key, session.id());
            fail(session, ErrorCode.ROOM_OWNER_GONE);
            return;
        }
        session.room(key);
        Member joiner = session.asMember();
        ConnectionType type = ConnectionType.between(joiner.address(), creator.address());
        for (Member other : result.members()) {
            if (!other.id().equals(joiner.id())) {
                session.deliver(new Event.PeerJoined(key.code(), other, type));
                router.deliver(other, new Event.PeerJoined(key.code(), joiner, type));
                presence.pairingChanged(other, true);
            }
        }
        presence.pairingChanged(joiner, session.isPaired());
        telemetry.emit(TelemetryEvent.info(
                "flight:joined",
                "flightCode",
                key.code(),
                "joinerId",
                joiner.id().value(),
                "joinerName",
                joiner.name(),
                "ip",
                joiner.address().ip(),
                "connectionType",
                type.wireName(),
                "joinedAt",
                node.services().clock().instant().toString()));
    }

    private boolean isGoneLocally(Member member) {
        if (!member.node().equals(node.id())) {
            return false;
        }
        Session session = node.sessions().get(member.id());
        return session == null || !session.sink().isOpen();
    }

    private void invite(Session session, Command.Invite invite) {
        String code = FlightCodes.normalise(invite.code());
        RoomKey room = session.room();
        if (code == null || room == null || !room.code().equals(code)) {
            fail(session, ErrorCode.NOT_A_MEMBER);
            return;
        }
        String rawId = invite.inviteeId();
        if (rawId.isEmpty() || rawId.length() > SessionId.MAX_LENGTH) {
            fail(session, ErrorCode.PEER_NOT_FOUND);
            return;
        }
        // The inviter's network group, shared by every node, is both the "same network" rule and the invitee's node.
        presence.find(session, new SessionId(rawId)).whenComplete((invitee, failure) -> {
            if (failure != null) {
                fail(session, ErrorCode.UNAVAILABLE);
            } else if (invitee == null) {
                fail(session, ErrorCode.PEER_NOT_FOUND);
            } else {
                invited(session, code, invitee);
            }
        });
    }

    private void invited(Session session, String code, PresenceEntry invitee) {
        router.deliver(invitee.node(), invitee.id(), new Event.Invited(code, session.name()));
        telemetry.emit(TelemetryEvent.info(
                "flight:invitation",
                "flightCode",
                code,
                "fromId",
                session.id().value(),
                "toId",
                invitee.id().value()));
    }

    private void leave(Session session, RoomKey room) {
        List<Member> former = session.peers();
        session.room(null);
        session.clearPeers();
        rooms.leave(room, session.id()).whenComplete((remaining, failure) -> {
            List<Member> notify = failure == null ? remaining : former;
            for (Member m : notify) {
                router.deliver(m, new Event.PeerLeft(session.id()));
                presence.pairingChanged(m, hasOthers(notify, m));
            }
            if (failure == null && remaining.isEmpty()) {
                activeFlights.decrementAndGet();
                telemetry.emit(
                        TelemetryEvent.info("flight:ended", "flightCode", room.code(), "reason", "all_members_left"));
            }
        });
    }

    /** Whether {@code members} (the members of one flight) holds anyone besides {@code member}. */
    private static boolean hasOthers(List<Member> members, Member member) {
        for (Member m : members) {
            if (!m.id().equals(member.id())) {
                return true;
            }
        }
        return false;
    }

    private static void fail(Session session, ErrorCode code) {
        session.sink().send(new Event.Failed(code, null));
    }
}
