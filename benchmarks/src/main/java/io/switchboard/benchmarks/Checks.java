package io.switchboard.benchmarks;

import io.switchboard.protocol.Decoded;

/** Sanity checks run in {@code @Setup}, so a benchmark never measures an error path by mistake. */
final class Checks {
    private Checks() {}

    /** Fails unless {@code decoded} carries a command. */
    static void requireOk(Decoded decoded, String what) {
        if (!(decoded instanceof Decoded.Ok)) {
            throw new IllegalStateException(what + " did not decode to a command: " + decoded);
        }
    }

    /** Fails unless {@code condition} holds. */
    static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("setup failed: " + what);
        }
    }
}
