package io.switchboard.core.spi.memory;

import io.switchboard.core.spi.NetworkPresenceStore;
import io.switchboard.core.spi.NetworkPresenceStoreContract;

class InMemoryNetworkPresenceStoreTest extends NetworkPresenceStoreContract {
    private final InMemoryNetworkPresenceStore store = new InMemoryNetworkPresenceStore();

    @Override
    protected NetworkPresenceStore store() {
        return store;
    }
}
