package io.switchboard.redis;

import org.slf4j.Logger;

/**
 * Logs a Redis outage once: a warning when the first failure arrives, debug lines while it lasts, and one info line
 * when Redis answers again. One instance per thread that talks to Redis, so each thread's view is reported.
 */
final class OutageLog {
    private final Logger log;
    private final String what;
    private volatile boolean down;

    OutageLog(Logger log, String what) {
        this.log = log;
        this.what = what;
    }

    void failed(RuntimeException cause) {
        if (down) {
            log.debug("{}: Redis still unreachable: {}", what, cause.toString());
            return;
        }
        down = true;
        log.warn("{}: Redis unreachable, retrying quietly until it answers: {}", what, cause.toString());
    }

    void recovered() {
        if (down) {
            down = false;
            log.info("{}: Redis answers again", what);
        }
    }
}
