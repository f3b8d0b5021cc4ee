package io.switchboard.core.testing;

import io.switchboard.core.id.IdGenerator;
import io.switchboard.core.id.SecureIdGenerator;
import java.util.ArrayDeque;
import java.util.Deque;

/** Returns scripted strings first (to force collisions), then random ones. */
public final class ScriptedIds implements IdGenerator {
    private final Deque<String> script = new ArrayDeque<>();
    private final SecureIdGenerator random = new SecureIdGenerator();

    /** Queues strings to return from {@link #randomString}, in order. */
    public synchronized ScriptedIds then(String... values) {
        script.addAll(java.util.List.of(values));
        return this;
    }

    @Override
    public synchronized String randomString(String alphabet, int length) {
        String next = script.poll();
        return next != null ? next : random.randomString(alphabet, length);
    }
}
