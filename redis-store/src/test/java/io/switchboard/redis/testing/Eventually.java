package io.switchboard.redis.testing;

import java.time.Duration;
import java.util.function.Supplier;

/** Polls a condition until it holds or a deadline passes; never sleep-then-assert. */
public final class Eventually {
    private Eventually() {}

    /** Polls {@code check} (null means done, otherwise the reason it is not) until {@code timeout}. */
    public static void await(Duration timeout, Supplier<String> check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = check.get();
        while (last != null) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + last);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            last = check.get();
        }
    }
}
