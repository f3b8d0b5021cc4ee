package io.switchboard.core.spi.memory;

import static java.util.Objects.requireNonNull;
import static java.util.concurrent.CompletableFuture.completedFuture;
import static java.util.concurrent.CompletableFuture.failedFuture;

import io.switchboard.core.Nullable;
import io.switchboard.core.id.SessionId;
import io.switchboard.core.spi.LeaseTimes;
import io.switchboard.core.spi.LeasedRoomStore;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.LongFunction;

/**
 * {@link LeasedRoomStore} in memory, emulating PrivyDrop's Redis layout key by key so that both backends pass one
 * contract: {@code room:<id>} (its {@code created_at}), {@code room:<id>:sockets} (a set, deleted when it becomes
 * empty) and {@code socket:<sid>}, each with its own expiry. As in Redis, {@code EXPIRE} on a missing key does nothing,
 * so a sockets set created by a bind has no TTL until the next refresh, and a key of the wrong type fails the call
 * ({@code WRONGTYPE}).
 *
 * <p>Keys expire lazily against the clock when touched, and every call also purges all expired keys once per second of
 * clock time, so memory stays bounded by the live keys. Thread-safe: every method runs under one lock and completes at
 * once.
 */
public final class InMemoryLeasedRoomStore implements LeasedRoomStore {
    /** What {@link #pttl} answers for a missing key (Redis's {@code -2}). */
    static final long NO_KEY = -2;

    /** What {@link #pttl} answers for a key without expiry (Redis's {@code -1}). */
    static final long NO_EXPIRY = -1;

    private static final long SWEEP_INTERVAL_MS = 1000;
    private static final long PERSISTENT = Long.MAX_VALUE;

    private final Clock clock;
    private final long roomTtlMs;
    private final long bindingTtlMs;
    private final long emptyGraceMs;
    private final Map<String, Slot> keys = new HashMap<>();
    private long nextSweep = Long.MIN_VALUE;

    /** A store with PrivyDrop's lease times. */
    public InMemoryLeasedRoomStore(Clock clock) {
        this(clock, LeaseTimes.PRIVYDROP);
    }

    /** A store whose keys live as {@code leases} says, measured on {@code clock}. */
    public InMemoryLeasedRoomStore(Clock clock, LeaseTimes leases) {
        this.clock = requireNonNull(clock, "clock");
        requireNonNull(leases, "leases");
        this.roomTtlMs = leases.roomTtl().toMillis();
        this.bindingTtlMs = leases.bindingTtl().toMillis();
        this.emptyGraceMs = leases.emptyGrace().toMillis();
    }

    @Override
    public CompletionStage<Boolean> exists(String roomId) {
        requireNonNull(roomId, "roomId");
        return atomically(now -> typed(roomKey(roomId), RoomHash.class, now) != null);
    }

    @Override
    public CompletionStage<Boolean> create(String roomId, Instant createdAt) {
        requireNonNull(roomId, "roomId");
        requireNonNull(createdAt, "createdAt");
        return atomically(now -> {
            String room = roomKey(roomId);
            if (typed(room, RoomHash.class, now) != null) {
                return false;
            }
            keys.put(room, new Slot(new RoomHash(createdAt.toEpochMilli()), now + roomTtlMs));
            expire(socketsKey(roomId), now + roomTtlMs, now);
            return true;
        });
    }

    @Override
    public CompletionStage<@Nullable String> boundRoom(SessionId session) {
        requireNonNull(session, "session");
        return atomically(now -> {
            Binding binding = typed(socketKey(session), Binding.class, now);
            return binding == null ? null : binding.roomId();
        });
    }

    @Override
    public CompletionStage<Void> bind(SessionId session, String roomId) {
        requireNonNull(session, "session");
        requireNonNull(roomId, "roomId");
        return atomically(now -> {
            Members members = typed(socketsKey(roomId), Members.class, now);
            // SET replaces a key of any type and its TTL; SADD creates a set without a TTL.
            keys.put(socketKey(session), new Slot(new Binding(roomId), now + bindingTtlMs));
            if (members == null) {
                members = new Members();
                keys.put(socketsKey(roomId), new Slot(members, PERSISTENT));
            }
            members.ids.add(session.value());
            return null;
        });
    }

    @Override
    public CompletionStage<Void> refresh(String roomId) {
        requireNonNull(roomId, "roomId");
        return atomically(now -> {
            expire(roomKey(roomId), now + roomTtlMs, now);
            expire(socketsKey(roomId), now + roomTtlMs, now);
            return null;
        });
    }

    @Override
    public CompletionStage<Integer> unbind(SessionId session, String roomId) {
        requireNonNull(session, "session");
        requireNonNull(roomId, "roomId");
        return atomically(now -> {
            String sockets = socketsKey(roomId);
            Members members = typed(sockets, Members.class, now);
            keys.remove(socketKey(session));
            int remaining = 0;
            if (members != null) {
                members.ids.remove(session.value());
                remaining = members.ids.size();
                if (remaining == 0) {
                    keys.remove(sockets);
                }
            }
            if (remaining == 0) {
                expire(roomKey(roomId), now + emptyGraceMs, now);
            }
            return remaining;
        });
    }

    @Override
    public CompletionStage<Set<SessionId>> members(String roomId) {
        requireNonNull(roomId, "roomId");
        return atomically(now -> {
            Members members = typed(socketsKey(roomId), Members.class, now);
            if (members == null) {
                return Set.of();
            }
            Set<SessionId> ids = new LinkedHashSet<>();
            for (String id : members.ids) {
                ids.add(new SessionId(id));
            }
            return Set.copyOf(ids);
        });
    }

    @Override
    public CompletionStage<Integer> count() {
        return atomically(now -> {
            sweep(now);
            int rooms = 0;
            for (Slot slot : keys.values()) {
                if (slot.value instanceof RoomHash) {
                    rooms++;
                }
            }
            return rooms;
        });
    }

    /**
     * The time to live of {@code key} in ms as Redis's {@code PTTL} gives it: {@value #NO_KEY} when the key is missing
     * (or expired), {@value #NO_EXPIRY} when it has no expiry. For tests that check the layout.
     */
    synchronized long pttl(String key) {
        long now = clock.millis();
        Slot slot = liveSlot(key, now);
        if (slot == null) {
            return NO_KEY;
        }
        return slot.expiresAt == PERSISTENT ? NO_EXPIRY : slot.expiresAt - now;
    }

    /** How many keys are held, expired ones included until the next purge. For tests. */
    synchronized int size() {
        return keys.size();
    }

    private synchronized <T> CompletionStage<T> atomically(LongFunction<T> operation) {
        long now = clock.millis();
        if (now >= nextSweep) {
            sweep(now);
        }
        try {
            return completedFuture(operation.apply(now));
        } catch (WrongTypeException e) {
            return failedFuture(e);
        }
    }

    private void sweep(long now) {
        for (Iterator<Slot> it = keys.values().iterator(); it.hasNext(); ) {
            if (it.next().isExpired(now)) {
                it.remove();
            }
        }
        nextSweep = now + SWEEP_INTERVAL_MS;
    }

    private @Nullable Slot liveSlot(String key, long now) {
        Slot slot = keys.get(key);
        if (slot != null && slot.isExpired(now)) {
            keys.remove(key);
            return null;
        }
        return slot;
    }

    private <T> @Nullable T typed(String key, Class<T> type, long now) {
        Slot slot = liveSlot(key, now);
        if (slot == null) {
            return null;
        }
        if (!type.isInstance(slot.value)) {
            throw new WrongTypeException(key);
        }
        return type.cast(slot.value);
    }

    private void expire(String key, long at, long now) {
        Slot slot = liveSlot(key, now);
        if (slot != null) {
            slot.expiresAt = at;
        }
    }

    private static String roomKey(String roomId) {
        return "room:" + roomId;
    }

    private static String socketsKey(String roomId) {
        return "room:" + roomId + ":sockets";
    }

    private static String socketKey(SessionId session) {
        return "socket:" + session.value();
    }

    /** One key: its value and when it expires ({@link #PERSISTENT} for never). */
    private static final class Slot {
        private final Object value;
        private long expiresAt;

        Slot(Object value, long expiresAt) {
            this.value = value;
            this.expiresAt = expiresAt;
        }

        boolean isExpired(long now) {
            return now >= expiresAt;
        }
    }

    /** The hash {@code room:<id>}; only its {@code created_at} field is ever written. */
    private record RoomHash(long createdAtMs) {}

    /** The set {@code room:<id>:sockets}. */
    private static final class Members {
        private final Set<String> ids = new LinkedHashSet<>();
    }

    /** The string {@code socket:<sid>}. */
    private record Binding(String roomId) {}

    /** Redis's answer to an operation on a key holding another type. */
    private static final class WrongTypeException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        WrongTypeException(String key) {
            super("WRONGTYPE " + key + " holds the wrong kind of value");
        }
    }
}
