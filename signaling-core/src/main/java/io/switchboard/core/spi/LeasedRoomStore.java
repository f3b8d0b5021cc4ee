package io.switchboard.core.spi;

import io.switchboard.core.Nullable;
import io.switchboard.core.id.SessionId;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * PrivyDrop's rooms: a room exists while its lease lives; each session is bound to at most one room. The operations
 * map one-to-one onto PrivyDrop's Redis layout (PROTOCOLS.md §2.3), so the Redis backend uses exactly these keys:
 *
 * <pre>
 * room:&lt;roomId&gt;          hash   created_at = ms epoch     TTL {@link LeaseTimes#roomTtl()} (24 h); refreshed on join;
 *                                                         {@link LeaseTimes#emptyGrace()} (15 min) after the last leave
 * room:&lt;roomId&gt;:sockets  set    bound session ids           TTL refreshed with the room; gone when empty
 * socket:&lt;sessionId&gt;      string roomId                      TTL {@link LeaseTimes#bindingTtl()} (25 h)
 * </pre>
 *
 * <p>Contract: a room exists iff its {@code created_at} field exists (not expired). Each method is atomic. Methods
 * never block the caller and complete exceptionally only when the backend is unreachable.
 */
public interface LeasedRoomStore {
    /** Whether {@code roomId} exists ({@code HEXISTS room:<id> created_at}). */
    CompletionStage<Boolean> exists(String roomId);

    /**
     * Creates {@code roomId} with {@code created_at} and the room TTL unless it exists; completes with false if it
     * did (and then changes nothing, not even the TTL).
     */
    CompletionStage<Boolean> create(String roomId, Instant createdAt);

    /** The room {@code session} is bound to ({@code GET socket:<sid>}), or null. */
    CompletionStage<@Nullable String> boundRoom(SessionId session);

    /** Binds {@code session} to {@code roomId}: {@code SET socket:<sid> roomId EX 25h} and {@code SADD}. */
    CompletionStage<Void> bind(SessionId session, String roomId);

    /** Resets the TTL of {@code room:<id>} and {@code room:<id>:sockets} to the room TTL. */
    CompletionStage<Void> refresh(String roomId);

    /**
     * Unbinds {@code session} from {@code roomId} ({@code DEL socket:<sid>}, {@code SREM}); when no session is left,
     * the room's TTL drops to the empty grace. Completes with how many sessions remain bound.
     */
    CompletionStage<Integer> unbind(SessionId session, String roomId);

    /** The sessions bound to {@code roomId} ({@code SMEMBERS room:<id>:sockets}). */
    CompletionStage<Set<SessionId>> members(String roomId);

    /** How many rooms exist now (for health and stats); a backend may answer approximately. */
    CompletionStage<Integer> count();
}
