package io.switchboard.server.http.privydrop;

import static java.util.Objects.requireNonNull;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.switchboard.core.Nullable;
import io.switchboard.server.http.HttpRequestContext;
import io.switchboard.server.http.HttpResponses;
import io.switchboard.server.http.JsonText;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * PrivyDrop's room endpoints (PROTOCOLS.md §2.6), with the original's bodies; all are 200 unless stated.
 *
 * <ul>
 *   <li>{@code GET /api/get_room}: {@code {"roomId":"<id>"}}; 500 {@code {"error":"Internal server error"}}.
 *   <li>{@code POST /api/create_room {roomId}}: {@code {"success":true,"message":"create room success"}}, {@code
 *       {"success":true,"message":"room exists (rejoin allowed)"}} or {@code {"success":false,"message":"roomId is
 *       already exists"}}; 500 as above.
 *   <li>{@code POST /api/check_room {roomId}}: {@code {"available":true|false}}; 500 as above.
 *   <li>{@code POST /api/leave_room {roomId, socketId}}: {@code {"success":true,"message":"Successfully left the
 *       room"}} or {@code {"success":true,"message":"Room does not exist."}}; 500 as above. A room id that fails
 *       {@link PrivyDropApi#isValidRoomId} cannot name a room, so it gets the second answer without a store call.
 * </ul>
 *
 * <p>A missing {@code roomId} (absent, empty or not a string) is 400 {@code {"error":"Room ID is required"}}, an
 * invalid one 400 {@code {"error":"Invalid room ID"}}; leave without either field is 400 {@code {"error":"Room ID and
 * Socket ID are required"}}; a malformed JSON body is 400 {@code {"error":"Invalid JSON"}}. Thread-safe.
 */
final class RoomRoutes {
    static final String ROOM_ID_REQUIRED = "{\"error\":\"Room ID is required\"}";
    static final String INVALID_ROOM_ID = "{\"error\":\"Invalid room ID\"}";
    static final String LEAVE_FIELDS_REQUIRED = "{\"error\":\"Room ID and Socket ID are required\"}";
    static final String CREATED = "{\"success\":true,\"message\":\"create room success\"}";
    static final String REJOIN_ALLOWED = "{\"success\":true,\"message\":\"room exists (rejoin allowed)\"}";
    static final String EXISTS = "{\"success\":false,\"message\":\"roomId is already exists\"}";
    static final String LEFT = "{\"success\":true,\"message\":\"Successfully left the room\"}";
    static final String NO_SUCH_ROOM = "{\"success\":true,\"message\":\"Room does not exist.\"}";

    private static final Set<String> ROOM_FIELDS = Set.of("roomId");
    private static final Set<String> LEAVE_FIELDS = Set.of("roomId", "socketId");

    private final PrivyDropApi api;

    RoomRoutes(PrivyDropApi api) {
        this.api = requireNonNull(api, "api");
    }

    CompletionStage<FullHttpResponse> getRoom(HttpRequestContext request) {
        return Replies.answer(
                "get_room",
                api::allocateRoom,
                roomId -> Replies.json(HttpResponseStatus.OK, "{\"roomId\":" + JsonText.quote(roomId) + "}"),
                Replies::internalError);
    }

    CompletionStage<FullHttpResponse> createRoom(HttpRequestContext request) {
        return withRoomId(
                request,
                roomId -> Replies.answer(
                        "create_room",
                        () -> api.createRoom(roomId),
                        outcome -> Replies.json(HttpResponseStatus.OK, createBody(outcome)),
                        Replies::internalError));
    }

    CompletionStage<FullHttpResponse> checkRoom(HttpRequestContext request) {
        return withRoomId(
                request,
                roomId -> Replies.answer(
                        "check_room",
                        () -> api.isAvailable(roomId),
                        available -> Replies.json(
                                HttpResponseStatus.OK,
                                "{\"available\":" + requireNonNull(available, "available") + "}"),
                        Replies::internalError));
    }

    /** Reads {@code roomId} from the JSON body; a bad body or a missing or invalid id is answered here. */
    private CompletionStage<FullHttpResponse> withRoomId(
            HttpRequestContext request, Function<String, CompletionStage<FullHttpResponse>> then) {
        JsonBody body = JsonBody.parse(request.request(), ROOM_FIELDS);
        if (body == null) {
            return Replies.invalidJson();
        }
        String roomId = body.present("roomId");
        FullHttpResponse refused = refuse(roomId);
        return refused != null ? HttpResponses.now(refused) : then.apply(roomId);
    }

    CompletionStage<FullHttpResponse> leaveRoom(HttpRequestContext request) {
        JsonBody body = JsonBody.parse(request.request(), LEAVE_FIELDS);
        if (body == null) {
            return Replies.invalidJson();
        }
        String roomId = body.present("roomId");
        String socketId = body.present("socketId");
        if (roomId == null || socketId == null) {
            return Replies.now(HttpResponseStatus.BAD_REQUEST, LEAVE_FIELDS_REQUIRED);
        }
        if (!api.isValidRoomId(roomId)) {
            return Replies.now(HttpResponseStatus.OK, NO_SUCH_ROOM);
        }
        return Replies.answer(
                "leave_room",
                () -> api.leave(roomId, socketId),
                outcome -> Replies.json(HttpResponseStatus.OK, leaveBody(outcome)),
                Replies::internalError);
    }

    private @Nullable FullHttpResponse refuse(@Nullable String roomId) {
        if (roomId == null) {
            return Replies.json(HttpResponseStatus.BAD_REQUEST, ROOM_ID_REQUIRED);
        }
        if (!api.isValidRoomId(roomId)) {
            return Replies.json(HttpResponseStatus.BAD_REQUEST, INVALID_ROOM_ID);
        }
        return null;
    }

    private static String createBody(PrivyDropApi.CreateOutcome outcome) {
        return switch (requireNonNull(outcome, "outcome")) {
            case CREATED -> CREATED;
            case EXISTS_REJOIN_ALLOWED -> REJOIN_ALLOWED;
            case EXISTS -> EXISTS;
        };
    }

    private static String leaveBody(PrivyDropApi.LeaveOutcome outcome) {
        return switch (requireNonNull(outcome, "outcome")) {
            case LEFT -> LEFT;
            case NO_SUCH_ROOM -> NO_SUCH_ROOM;
        };
    }
}
