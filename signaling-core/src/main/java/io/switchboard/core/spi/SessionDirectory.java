package io.switchboard.core.spi;

import io.switchboard.core.Nullable;
import io.switchboard.core.id.NodeId;
import io.switchboard.core.id.SessionId;
import java.util.concurrent.CompletionStage;

/**
 * Which node holds which session, so an event addressed by session id alone (PrivyDrop's peer ids) reaches the
 * right node. Entries live as long as their session.
 */
public interface SessionDirectory {
    /** Records that {@code session} lives on {@code node}. */
    CompletionStage<Void> register(SessionId session, NodeId node);

    /** Forgets {@code session}. */
    CompletionStage<Void> unregister(SessionId session);

    /** The node holding {@code session}, or null when it is unknown (gone or never existed). */
    CompletionStage<@Nullable NodeId> nodeOf(SessionId session);
}
