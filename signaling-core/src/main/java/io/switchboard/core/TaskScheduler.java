package io.switchboard.core;

import java.time.Duration;

/**
 * Runs a task later. The server backs it with an event loop; tests use a manual scheduler, so timing-dependent
 * behaviour (coalescing, sweeps) is tested without sleeping.
 */
@FunctionalInterface
public interface TaskScheduler {
    /** Runs {@code task} once after {@code delay}, on some thread; never on the caller's stack. */
    void schedule(Runnable task, Duration delay);
}
