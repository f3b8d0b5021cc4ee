package io.switchboard.core.room;

import static java.util.Objects.requireNonNull;
import static java.util.concurrent.CompletableFuture.completedFuture;
import static java.util.concurrent.CompletableFuture.failedFuture;

import io.switchboard.core.AppService;
import io.switchboard.core.Nullable;
import io.switchboard.core.SignalingNode;
import io.switchboard.core.id.AppId;
import io.switchboard.core.id.RoomKey;
import io.switchboard.core.id.SessionId;
import io.switchboard.core.message.Command;
import io.switchboard.core.message.Event;
import io.switchboard.core.message.SignalKind;
import io.switchboard.core.session.Session;
import io.switchboard.core.spi.CounterStore;
import io.switchboard.core.spi.LeasedRoomStore;
import io.switchboard.core.spi.RateLimitStore;
import io.switchboard.core.spi.RateLimitStore.RateLimitResult;
import io.switchboard.core.telemetry.CoreMetrics;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PrivyDrop's rooms (PROTOCOLS.md §2): rooms live as leases in the shared store, each session is bound to at most one
 * room, and a join tells the room's other sessions that the joiner is ready; offers, answers and ICE candidates go to
 * one peer by session id; announcements go to the rest of the room. It also offers the REST operations of PrivyDrop's
 * HTTP API.
 *
 * <p>Fixes over the original (§2.10): room ids are validated; a signal reaches its target only when the target is
 * bound to the sender's room, and its sender id is the authenticated one; announcements need membership of the room
 * named and carry the announcer's id; a REST leave does not echo to the leaver and stops the leaver's session from
 * hearing its old room; bad input and store failures never throw. The join rate limit is keyed on the client address
 * after the trusted-proxy rules, not on a raw {@code X-Forwarded-For}.
 *
 * <p>Threading: commands arrive on the session's thread; store stages may complete on another thread, which only
 * touches volatile session state and thread-safe sinks and routers.
 */
public final class PrivyRoomService implements AppService {
    /** Existing room ids at least this long may be "created" again: the frontend re-creates its cached long ids. */
    public static final int REJOINABLE_ID_LENGTH = 8;

    static final String INVALID_ROOM_ID = "Invalid room ID";
    static final String ALREADY_BOUND = "Socket is already bound to another room";
    static final String NO_SUCH_ROOM = "Room does not exist";
    static final String JOINED = "Successfully joined room";
    static final String SERVER_ERROR = "Server error while joining room";

    private static final Logger log = LoggerFactory.getLogger(PrivyRoomService.class);
    private static final String DIGITS = "0123456789";
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String SOCKETS_SUFFIX = ":sockets";
    private static final int ALLOCATED_ID_LENGTH = 4;
    private static final int NUMERIC_ATTEMPTS = 10;
    private static final int ALPHANUMERIC_ATTEMPTS = 50;
    private static final int MAX_ERROR_TEXT = 100;
    private static final Duration REFERRER_TTL = Duration.ofDays(30);
    /**
     * How long a store answer "the target is in the sender's room" is reused for the sender's next signals to it. A
     * {@code PeerLeft} for the target or a room change forgets it sooner; the bound covers a {@code PeerLeft} that was
     * lost (a bus outage) or raced the check.
     */
    private static final long TARGET_CHECK_MAX_AGE_MILLIS = 5_000;

    private final AppId app;
    private final SignalingNode node;
    private final PrivyDropPolicy policy;
    private final LeasedRoomStore rooms;
    private final RateLimitStore rateLimits;
    private final CounterStore counters;
    private final LongAdder dropped = new LongAdder();
    private final Map<SignalKind, CoreMetrics.RelayCounter> relayed = new EnumMap<>(SignalKind.class);
    private volatile int activeRooms;

    /** What {@link #createRoom} did. */
    public enum CreateOutcome {
        /** The room was created. */
        CREATED,
        /** The room exists and its id is long enough to be the frontend's cached id: it may be joined again. */
        EXISTS_REJOIN_ALLOWED,
        /** The room exists and its id is short: someone else's room. */
        EXISTS
    }

    /** What {@link #leave} did. */
    public enum LeaveOutcome {
        /** The session was unbound and the room's other sessions were told. */
        LEFT,
        /** The room does not exist; nothing changed. */
        NO_SUCH_ROOM
    }

    /** Creates the service of {@code app} on {@code node}, with its stores taken from {@code node.stores()}. */
    public PrivyRoomService(AppId app, SignalingNode node, PrivyDropPolicy policy) {
        this.app = requireNonNull(app, "app");
        this.node = requireNonNull(node, "node");
        this.policy = requireNonNull(policy, "policy");
        this.rooms = node.stores().leasedRooms();
        this.rateLimits = node.stores().rateLimits();
        this.counters = node.stores().counters();
        relayed.put(SignalKind.OFFER, node.services().metrics().relayed(app, "offer"));
        relayed.put(SignalKind.ANSWER, node.services().metrics().relayed(app, "answer"));
        relayed.put(SignalKind.ICE_CANDIDATE, node.services().metrics().relayed(app, "ice-candidate"));
    }

    /**
     * Whether {@code roomId} may name a room: 1..64 characters, no control characters, and not ending in {@code
     * :sockets} (such an id would name another room's member set in the store's key layout).
     */
    public static boolean isValidRoomId(@Nullable String roomId) {
        return roomId != null
                && !roomId.isEmpty()
                && roomId.length() <= RoomKey.MAX_CODE_LENGTH
                && roomId.chars().noneMatch(Character::isISOControl)
                && !roomId.endsWith(SOCKETS_SUFFIX);
    }

    /** Nothing to send: the Socket.IO layer answers the connect. */
    @Override
    public void connected(Session session) {}

    /** Handles {@code join}, the three targeted signals and the two announcements; drops anything else. */
    @Override
    public void handle(Session session, Command command) {
        if (command instanceof Command.SignalPeer signal) {
            signal(session, signal);
        } else if (command instanceof Command.JoinRoom join) {
            join(session, join.code());
        } else if (command instanceof Command.Announce announce) {
            announce(session, announce);
        } else {
            drop(session, "unsupported command " + command.getClass().getSimpleName());
        }
    }

    /** Unbinds the session from its room and tells the room's remaining sessions that it left. */
    @Override
    public void disconnected(Session session) {
        RoomKey room = session.room();
        if (room == null) {
            return;
        }
        session.room(null);
        String roomId = room.code();
        call(() -> rooms.unbind(session.id(), roomId))
                .handle((remaining, failure) -> {
                    if (failure != null) {
                        log.warn("unbinding {} from room {} failed: {}", session, roomId, failure.toString());
                    }
                    return null;
                })
                .thenRun(() -> toOthers(roomId, session.id(), new Event.PeerLeft(session.id())));
    }

    /**
     * A dead node's sessions: each is unbound from its room, as its disconnect would have done, and the room's
     * other members, on whatever node, get {@code peer-disconnected}.
     */
    @Override
    public void sessionsLost(Collection<SessionId> sessions) {
        for (SessionId lost : sessions) {
            call(() -> rooms.boundRoom(lost))
                    .thenCompose(roomId -> roomId == null
                            ? completedFuture((String) null)
                            : call(() -> rooms.unbind(lost, roomId)).thenApply(remaining -> roomId))
                    .whenComplete((roomId, failure) -> {
                        if (failure != null) {
                            log.warn("cleaning up lost session {} failed: {}", lost, failure.toString());
                        } else if (roomId != null) {
                            toOthers(roomId, lost, new Event.PeerLeft(lost));
                        }
                    });
        }
    }

    /** The number of rooms as of the last count; each call also starts a new count (the in-memory one at once). */
    @Override
    public int activeRooms() {
        call(rooms::count).thenAccept(count -> activeRooms = count);
        return activeRooms;
    }

    /**
     * {@code GET /api/get_room}: allocates and creates a new room. Tries 4 random digits up to 10 times, then 4
     * random characters of {@code [A-Za-z0-9]} up to 50 times; completes exceptionally when all are taken or the store
     * fails.
     */
    public CompletionStage<String> allocateRoom() {
        return allocate(0);
    }

    /**
     * {@code POST /api/create_room}: creates {@code roomId} unless it exists; an existing room's TTL is not refreshed.
     * Completes exceptionally with {@link IllegalArgumentException} for an id {@link #isValidRoomId} refuses, or when
     * the store fails.
     */
    public CompletionStage<CreateOutcome> createRoom(String roomId) {
        if (!isValidRoomId(roomId)) {
            return invalidRoomId(roomId);
        }
        return call(() -> rooms.create(roomId, node.services().clock().instant()))
                .thenApply(created -> created
                        ? CreateOutcome.CREATED
                        : roomId.length() >= REJOINABLE_ID_LENGTH
                                ? CreateOutcome.EXISTS_REJOIN_ALLOWED
                                : CreateOutcome.EXISTS);
    }

    /**
     * {@code POST /api/check_room}: whether {@code roomId} is free. Completes exceptionally with {@link
     * IllegalArgumentException} for an invalid id, or when the store fails.
     */
    public CompletionStage<Boolean> isAvailable(String roomId) {
        if (!isValidRoomId(roomId)) {
            return invalidRoomId(roomId);
        }
        return call(() -> rooms.exists(roomId)).thenApply(exists -> !exists);
    }

    /**
     * {@code POST /api/leave_room}: tells the room's other sessions that {@code socketId} left (not the leaver itself),
     * unbinds it, and makes that session, on whichever node, stop using the room. Completes exceptionally with
     * {@link IllegalArgumentException} for an invalid room or session id, or when the store fails.
     */
    public CompletionStage<LeaveOutcome> leave(String roomId, String socketId) {
        SessionId leaver = sessionId(socketId);
        if (!isValidRoomId(roomId) || leaver == null) {
            return failedFuture(new IllegalArgumentException("roomId / socketId: " + roomId + " / " + socketId
                    + " (expected: a valid room id / 1.." + SessionId.MAX_LENGTH + " chars)"));
        }
        return call(() -> rooms.exists(roomId)).thenCompose(exists -> {
            if (!exists) {
                return completedFuture(LeaveOutcome.NO_SUCH_ROOM);
            }
            return call(() -> rooms.members(roomId))
                    .thenCompose(members -> {
                        deliverToOthers(members, leaver, new Event.PeerLeft(leaver));
                        return call(() -> rooms.unbind(leaver, roomId));
                    })
                    .thenApply(remaining -> {
                        // wherever the leaver's session lives, it stops using the room (signals, announcements)
                        node.router().deliver(leaver, new Event.RoomRevoked(roomId));
                        return LeaveOutcome.LEFT;
                    });
        });
    }

    /**
     * {@code POST /api/set_track}: counts one visit from {@code ref} on the UTC day of {@code timestamp} ({@code
     * referrers:daily:yyyy-MM-dd}, kept 30 days). Completes exceptionally when the store fails.
     */
    public CompletionStage<Void> trackReferrer(String ref, Instant timestamp) {
        if (ref == null || timestamp == null) {
            return failedFuture(new IllegalArgumentException(
                    "ref / timestamp: " + ref + " / " + timestamp + " (expected: both present)"));
        }
        String day = LocalDate.ofInstant(timestamp, ZoneOffset.UTC).toString();
        return call(() -> counters.increment("referrers:daily:" + day, ref, REFERRER_TTL));
    }

    /** How many commands were dropped (bad or unauthorised signals and announcements, unsupported commands). */
    public long droppedCount() {
        return dropped.sum();
    }

    private void join(Session session, String roomId) {
        if (!isValidRoomId(roomId)) {
            session.sink().send(new Event.JoinAnswer(false, INVALID_ROOM_ID, null, null));
            return;
        }
        call(() -> rooms.boundRoom(session.id()))
                .thenCompose(existing -> admit(session, roomId, existing))
                .whenComplete((answer, failure) -> joined(session, roomId, answer, failure));
    }

    /** Steps 2–6 of PrivyDrop's join: the binding rule, the rate limit, the room check, bind and refresh. */
    private CompletionStage<Event.JoinAnswer> admit(Session session, String roomId, @Nullable String existing) {
        if (existing != null && !existing.equals(roomId)) {
            return completedFuture(refusal(ALREADY_BOUND, roomId));
        }
        boolean rejoin = roomId.equals(existing);
        if (rejoin || !policy.joinRateLimit()) {
            return enter(session, roomId, rejoin);
        }
        String bucket = "join:" + session.address().ip();
        return call(() -> rateLimits.hit(bucket, policy.joinWindow(), policy.joinLimit()))
                .thenCompose(verdict -> verdict.allowed()
                        ? enter(session, roomId, false)
                        : completedFuture(refusal(rateLimitText(verdict), roomId)));
    }

    private CompletionStage<Event.JoinAnswer> enter(Session session, String roomId, boolean rejoin) {
        return call(() -> rooms.exists(roomId)).thenCompose(exists -> {
            if (!exists) {
                return completedFuture(refusal(NO_SUCH_ROOM, roomId));
            }
            CompletionStage<Void> bound = rejoin ? completedFuture(null) : call(() -> rooms.bind(session.id(), roomId));
            return bound.thenCompose(ignored -> call(() -> rooms.refresh(roomId)))
                    .thenApply(ignored -> new Event.JoinAnswer(true, JOINED, roomId, null));
        });
    }

    private void joined(
            Session session, String roomId, Event.@Nullable JoinAnswer answer, @Nullable Throwable failure) {
        if (failure != null || answer == null) {
            log.warn("join of {} to room {} failed: {}", session, roomId, String.valueOf(failure));
            session.sink().send(new Event.JoinAnswer(false, SERVER_ERROR, null, errorText(failure)));
            return;
        }
        if (!answer.success()) {
            session.sink().send(answer);
            return;
        }
        session.room(new RoomKey(app, roomId));
        if (node.sessions().get(session.id()) != session) {
            // Closed while joining: its disconnect may have run before the binding existed, so undo it here.
            call(() -> rooms.unbind(session.id(), roomId));
            return;
        }
        session.sink().send(answer);
        toOthers(roomId, session.id(), new Event.PeerReady(session.id()));
    }

    private void signal(Session session, Command.SignalPeer signal) {
        RoomKey room = session.room();
        if (room == null) {
            drop(session, "signal outside a room");
            return;
        }
        if (signal.payload().length() > node.services().limits().maxSignalBytes()) {
            drop(session, "signal of " + signal.payload().length() + " bytes");
            return;
        }
        SessionId target = sessionId(signal.target());
        if (target == null) {
            drop(session, "signal to a malformed peer id");
            return;
        }
        Event.PeerSignal event = new Event.PeerSignal(signal.kind(), session.id(), signal.payload());
        long now = node.services().clock().millis();
        if (session.isTargetChecked(target, room, now, TARGET_CHECK_MAX_AGE_MILLIS)) {
            session.inOrder(() -> {
                relayed.get(signal.kind()).increment();
                return node.router().deliverInOrder(target, event);
            });
            return;
        }
        // in order per sender: with a Redis store the check and the directory lookup complete on store threads
        session.inOrder(() -> call(() -> rooms.boundRoom(target))
                .handle((bound, failure) -> {
                    if (failure != null || !room.code().equals(bound)) {
                        drop(session, "signal to " + target + ", who is not in room " + room.code());
                        return false;
                    }
                    session.rememberTargetChecked(target, room, now);
                    return true;
                })
                .thenCompose(ok -> {
                    if (!ok) {
                        return completedFuture(null);
                    }
                    relayed.get(signal.kind()).increment();
                    return node.router().deliverInOrder(target, event);
                }));
    }

    private void announce(Session session, Command.Announce announce) {
        RoomKey room = session.room();
        if (room == null || !room.code().equals(announce.roomId())) {
            drop(session, announce.kind() + " for a room it is not in");
            return;
        }
        toOthers(room.code(), session.id(), new Event.Announcement(announce.kind(), room.code(), session.id()));
    }

    /** Delivers {@code event} to every session bound to {@code roomId} except {@code except}. */
    private void toOthers(String roomId, SessionId except, Event event) {
        call(() -> rooms.members(roomId)).whenComplete((members, failure) -> {
            if (failure != null) {
                log.warn("members of room {} unavailable; {} not sent: {}", roomId, event, failure.toString());
                return;
            }
            deliverToOthers(members, except, event);
        });
    }

    private void deliverToOthers(Set<SessionId> members, SessionId except, Event event) {
        for (SessionId member : members) {
            if (!member.equals(except)) {
                node.router().deliver(member, event);
            }
        }
    }

    private CompletionStage<String> allocate(int attempt) {
        if (attempt >= NUMERIC_ATTEMPTS + ALPHANUMERIC_ATTEMPTS) {
            return failedFuture(new IllegalStateException("Failed to generate a unique room ID."));
        }
        String alphabet = attempt < NUMERIC_ATTEMPTS ? DIGITS : ALPHANUMERIC;
        return call(() -> {
                    String roomId = node.services().ids().randomString(alphabet, ALLOCATED_ID_LENGTH);
                    return rooms.create(roomId, node.services().clock().instant())
                            .thenApply(created -> created ? roomId : null);
                })
                .thenCompose(roomId -> roomId != null ? completedFuture(roomId) : allocate(attempt + 1));
    }

    private void drop(Session session, String why) {
        dropped.increment();
        log.debug("dropped from {}: {}", session, why);
    }

    /** Runs a store call so that a synchronous throw becomes a failed stage: nothing escapes to the node. */
    private static <T> CompletionStage<T> call(Supplier<? extends CompletionStage<T>> storeCall) {
        try {
            return storeCall.get();
        } catch (RuntimeException e) {
            return failedFuture(e);
        }
    }

    private static <T> CompletionStage<T> invalidRoomId(@Nullable String roomId) {
        return failedFuture(new IllegalArgumentException("roomId: " + roomId + " (expected: 1.."
                + RoomKey.MAX_CODE_LENGTH + " chars, no control characters, not ending in " + SOCKETS_SUFFIX + ")"));
    }

    private static @Nullable SessionId sessionId(@Nullable String raw) {
        return raw == null || raw.isEmpty() || raw.length() > SessionId.MAX_LENGTH ? null : new SessionId(raw);
    }

    private static Event.JoinAnswer refusal(String message, String roomId) {
        return new Event.JoinAnswer(false, message, roomId, null);
    }

    private static String rateLimitText(RateLimitResult verdict) {
        return "Rate limit exceeded. Try again in " + verdict.resetAfterSeconds() + "s. Attempts left: "
                + verdict.remaining() + ".";
    }

    private static String errorText(@Nullable Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause == null) {
            return "unknown error";
        }
        String text = cause.getMessage() != null
                ? cause.getMessage()
                : cause.getClass().getSimpleName();
        return text.length() > MAX_ERROR_TEXT ? text.substring(0, MAX_ERROR_TEXT) : text;
    }
}
