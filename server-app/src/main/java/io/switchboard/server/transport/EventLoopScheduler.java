package io.switchboard.server.transport;

import static java.util.Objects.requireNonNull;

import io.netty.channel.EventLoopGroup;
import io.switchboard.core.TaskScheduler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Runs the core's delayed tasks on the worker event loops. */
public final class EventLoopScheduler implements TaskScheduler {
    private final EventLoopGroup group;

    /** Schedules on {@code group}. */
    public EventLoopScheduler(EventLoopGroup group) {
        this.group = requireNonNull(group, "group");
    }

    @Override
    public void schedule(Runnable task, Duration delay) {
        group.next().schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    }
}
