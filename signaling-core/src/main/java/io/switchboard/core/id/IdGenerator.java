package io.switchboard.core.id;

/**
 * Makes random identifiers. Injected so that tests can use a predictable one. Implementations are thread-safe.
 */
public interface IdGenerator {
    /** Returns {@code length} characters drawn uniformly from {@code alphabet}. */
    String randomString(String alphabet, int length);

    /** Returns a new session id with at least 128 bits of entropy. */
    default SessionId newSessionId() {
        // 25 characters of base 36 carry 129 bits; lower-case alphanumerics keep DropSilk's id charset.
        return new SessionId(randomString(Alphabets.BASE36_LOWER, 25));
    }
}
