package io.switchboard.core.spi.memory;

import io.switchboard.core.spi.NodeBus;
import io.switchboard.core.spi.RoomStore;
import io.switchboard.core.spi.SessionDirectory;
import io.switchboard.core.spi.Stores;

/** The embedded default backend: in-memory rooms and a bus within this process. Always healthy. */
public final class InMemoryStores implements Stores {
    private final InMemoryRoomStore rooms = new InMemoryRoomStore();
    private final LocalNodeBus bus = new LocalNodeBus();
    private final InMemorySessionDirectory directory = new InMemorySessionDirectory();

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
    public boolean isHealthy() {
        return true;
    }

    @Override
    public void close() {}
}
