package io.switchboard.core.spi.memory;

import static java.util.Objects.requireNonNull;

import io.switchboard.core.spi.CounterStore;
import io.switchboard.core.spi.LeaseTimes;
import io.switchboard.core.spi.LeasedRoomStore;
import io.switchboard.core.spi.NetworkPresenceStore;
import io.switchboard.core.spi.NodeBus;
import io.switchboard.core.spi.RateLimitStore;
import io.switchboard.core.spi.RoomStore;
import io.switchboard.core.spi.SessionDirectory;
import io.switchboard.core.spi.Stores;
import java.time.Clock;

/**
 * The embedded default backend: in-memory rooms, leased rooms, rate limits, counters and network presence, and a
 * bus within this process. TTLs and windows are measured on the clock given at construction. Always healthy.
 */
public final class InMemoryStores implements Stores {
    private final InMemoryRoomStore rooms = new InMemoryRoomStore();
    private final LocalNodeBus bus = new LocalNodeBus();
    private final InMemorySessionDirectory directory = new InMemorySessionDirectory();
    private final InMemoryNetworkPresenceStore presence = new InMemoryNetworkPresenceStore();
    private final InMemoryLeasedRoomStore leasedRooms;
    private final InMemoryRateLimitStore rateLimits;
    private final InMemoryCounterStore counters;

    /** A backend on the system clock (UTC) with PrivyDrop's lease times. */
    public InMemoryStores() {
        this(Clock.systemUTC());
    }

    /** A backend measuring TTLs on {@code clock}, with PrivyDrop's lease times. */
    public InMemoryStores(Clock clock) {
        this(clock, LeaseTimes.PRIVYDROP);
    }

    /** A backend measuring TTLs on {@code clock}, with leased rooms living as {@code leases} says. */
    public InMemoryStores(Clock clock, LeaseTimes leases) {
        requireNonNull(clock, "clock");
        this.leasedRooms = new InMemoryLeasedRoomStore(clock, leases);
        this.rateLimits = new InMemoryRateLimitStore(clock);
        this.counters = new InMemoryCounterStore(clock);
    }

    @Override
    public RoomStore rooms() {
        return rooms;
    }

    @Override
    public NodeBus bus() {
        return bus;
    }

    @Override
    public SessionDirectory directory() {
        return directory;
    }

    @Override
    public LeasedRoomStore leasedRooms() {
        return leasedRooms;
    }

    @Override
    public RateLimitStore rateLimits() {
        return rateLimits;
    }

    @Override
    public CounterStore counters() {
        return counters;
    }

    @Override
    public NetworkPresenceStore presence() {
        return presence;
    }

    @Override
    public boolean isHealthy() {
        return true;
    }

    @Override
    public void close() {}
}
