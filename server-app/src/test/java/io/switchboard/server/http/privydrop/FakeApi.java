package io.switchboard.server.http.privydrop;

import io.switchboard.core.Nullable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

/** A scripted {@link PrivyDropApi} that records every call as one line. Not thread-safe; tests use one thread. */
final class FakeApi implements PrivyDropApi {
    final List<String> calls = new ArrayList<>();

    @Nullable
    CompletionStage<String> allocated = CompletableFuture.completedFuture("1234");

    @Nullable
    CompletionStage<CreateOutcome> created = CompletableFuture.completedFuture(CreateOutcome.CREATED);

    @Nullable
    CompletionStage<Boolean> available = CompletableFuture.completedFuture(true);

    @Nullable
    CompletionStage<LeaveOutcome> left = CompletableFuture.completedFuture(LeaveOutcome.LEFT);

    @Nullable
    CompletionStage<Void> tracked = CompletableFuture.completedFuture(null);

    /** Thrown by every stage method instead of returning, when set. */
    @Nullable
    RuntimeException thrown;

    Predicate<String> valid = id -> id.length() <= 64;

    static <T> CompletionStage<T> failed() {
        return CompletableFuture.failedFuture(new IllegalStateException("store down"));
    }

    @Override
    public CompletionStage<String> allocateRoom() {
        return record("allocateRoom", allocated);
    }

    @Override
    public CompletionStage<CreateOutcome> createRoom(String roomId) {
        return record("createRoom " + roomId, created);
    }

    @Override
    public CompletionStage<Boolean> isAvailable(String roomId) {
        return record("isAvailable " + roomId, available);
    }

    @Override
    public CompletionStage<LeaveOutcome> leave(String roomId, String socketId) {
        return record("leave " + roomId + " " + socketId, left);
    }

    @Override
    public CompletionStage<Void> trackReferrer(String ref, Instant timestamp) {
        return record("trackReferrer " + ref + " " + timestamp, tracked);
    }

    @Override
    public boolean isValidRoomId(String roomId) {
        return valid.test(roomId);
    }

    private <T> CompletionStage<T> record(String call, @Nullable CompletionStage<T> answer) {
        calls.add(call);
        if (thrown != null) {
            throw thrown;
        }
        return answer;
    }
}
