package io.switchboard.core.spi.memory;

import io.switchboard.core.spi.SessionDirectory;
import io.switchboard.core.spi.SessionDirectoryContract;

class InMemorySessionDirectoryTest extends SessionDirectoryContract {
    @Override
    protected SessionDirectory newDirectory() {
        return new InMemorySessionDirectory();
    }
}
