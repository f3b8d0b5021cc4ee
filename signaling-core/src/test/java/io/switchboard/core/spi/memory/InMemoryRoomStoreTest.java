package io.switchboard.core.spi.memory;

import io.switchboard.core.spi.RoomStore;
import io.switchboard.core.spi.RoomStoreContract;

class InMemoryRoomStoreTest extends RoomStoreContract {
    private final InMemoryRoomStore store = new InMemoryRoomStore();

    @Override
    protected RoomStore store() {
        return store;
    }
}
