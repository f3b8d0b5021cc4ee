package io.switchboard.server.bench;

/** A pair or session could not be set up; the benchmark ends with status 1. */
final class SetupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
