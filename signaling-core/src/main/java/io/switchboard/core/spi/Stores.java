package io.switchboard.core.spi;

/**
 * The set of stores one backend provides, chosen once at start ({@code memory} or {@code redis://...}). Closing it
 * releases connections and threads.
 */
public interface Stores extends AutoCloseable {
    /** Rooms and membership. */
    RoomStore rooms();

    /** Cross-node delivery. */
    NodeBus bus();

    /** Which node holds which session. */
    SessionDirectory directory();

    /** PrivyDrop's leased rooms and session bindings. */
    LeasedRoomStore leasedRooms();

    /** Sliding-window rate limits shared by every node. */
    RateLimitStore rateLimits();

    /** Named counters with fields (referrer statistics). */
    CounterStore counters();

    /** Who is on which network (DropSilk's user lists and invitations). */
    NetworkPresenceStore presence();

    /** Whether the backend is reachable now; {@code /readyz} reports it. */
    boolean isHealthy();

    @Override
    void close();
}
