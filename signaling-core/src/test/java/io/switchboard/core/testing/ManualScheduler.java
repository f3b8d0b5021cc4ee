package io.switchboard.core.testing;

import io.switchboard.core.TaskScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Holds scheduled tasks until the test runs them, so timed behaviour is tested without sleeping. */
public final class ManualScheduler implements TaskScheduler {
    private final List<Runnable> pending = new ArrayList<>();

    @Override
    public synchronized void schedule(Runnable task, Duration delay) {
        pending.add(task);
    }

    /** Runs every pending task (and any they schedule) until none is left; returns how many ran. */
    public int runAll() {
        int ran = 0;
        while (true) {
            List<Runnable> batch;
            synchronized (this) {
                if (pending.isEmpty()) {
                    return ran;
                }
                batch = new ArrayList<>(pending);
                pending.clear();
            }
            for (Runnable task : batch) {
                task.run();
                ran++;
            }
        }
    }

    /** How many tasks wait. */
    public synchronized int pendingCount() {
        return pending.size();
    }
}
