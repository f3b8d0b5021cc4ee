package io.switchboard.server.app;

import static java.util.Objects.requireNonNull;

import io.switchboard.core.room.PrivyRoomService;
import io.switchboard.server.http.privydrop.PrivyDropApi;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

/** PrivyDrop's REST routes over the core's room service: the outcomes map one to one, by name. */
final class PrivyDropServiceApi implements PrivyDropApi {
    private final PrivyRoomService service;

    PrivyDropServiceApi(PrivyRoomService service) {
        this.service = requireNonNull(service, "service");
    }

    @Override
    public CompletionStage<String> allocateRoom() {
        return service.allocateRoom();
    }

    @Override
    public CompletionStage<CreateOutcome> createRoom(String roomId) {
        return service.createRoom(roomId).thenApply(outcome -> CreateOutcome.valueOf(outcome.name()));
    }

    @Override
    public CompletionStage<Boolean> isAvailable(String roomId) {
        return service.isAvailable(roomId);
    }

    @Override
    public CompletionStage<LeaveOutcome> leave(String roomId, String socketId) {
        return service.leave(roomId, socketId).thenApply(outcome -> LeaveOutcome.valueOf(outcome.name()));
    }

    @Override
    public CompletionStage<Void> trackReferrer(String ref, Instant timestamp) {
        return service.trackReferrer(ref, timestamp);
    }

    @Override
    public boolean isValidRoomId(String roomId) {
        return PrivyRoomService.isValidRoomId(roomId);
    }
}
