package io.switchboard.server.http.privydrop;

import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * What PrivyDrop's REST routes need from the room service. The server adapts the core's service to it with method
 * references, mapping the core's outcome enums to {@link CreateOutcome} and {@link LeaveOutcome} by name.
 *
 * <p>Contract: methods are called on an event loop and must not block; slow work completes the returned stage later,
 * from any thread. A failed stage (or an exception thrown instead of returning one) is answered with the route's 500
 * body. Arguments are never null; room ids reach the stage methods only after {@link #isValidRoomId} accepted them.
 */
public interface PrivyDropApi {
    /** Picks a free room id, creates the room and completes with its id ({@code GET /api/get_room}). */
    CompletionStage<String> allocateRoom();

    /** Creates the room {@code roomId} unless it exists ({@code POST /api/create_room}). */
    CompletionStage<CreateOutcome> createRoom(String roomId);

    /** Whether no room {@code roomId} exists ({@code POST /api/check_room}). */
    CompletionStage<Boolean> isAvailable(String roomId);

    /**
     * Unbinds socket {@code socketId} from room {@code roomId} and tells the room's peers ({@code POST
     * /api/leave_room}).
     */
    CompletionStage<LeaveOutcome> leave(String roomId, String socketId);

    /** Counts one visit from referrer {@code ref} on the UTC day of {@code timestamp} ({@code POST /api/set_track}). */
    CompletionStage<Void> trackReferrer(String ref, Instant timestamp);

    /** Whether {@code roomId} is an acceptable room id (length and characters); pure and fast. */
    boolean isValidRoomId(String roomId);

    /** The result of {@link #createRoom}. */
    enum CreateOutcome {
        /** The room did not exist and was created: {@code {"success":true,"message":"create room success"}}. */
        CREATED,
        /**
         * The room exists and its id is long enough to be a client's own cached id: {@code
         * {"success":true,"message":"room exists (rejoin allowed)"}}.
         */
        EXISTS_REJOIN_ALLOWED,
        /** The (short) room id is taken: {@code {"success":false,"message":"roomId is already exists"}}. */
        EXISTS
    }

    /** The result of {@link #leave}. */
    enum LeaveOutcome {
        /** The socket was unbound: {@code {"success":true,"message":"Successfully left the room"}}. */
        LEFT,
        /** No such room: {@code {"success":true,"message":"Room does not exist."}}. */
        NO_SUCH_ROOM
    }
}
