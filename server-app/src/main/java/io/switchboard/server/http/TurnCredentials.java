package io.switchboard.server.http;

import static java.util.Objects.requireNonNull;

import io.switchboard.core.id.Alphabets;
import io.switchboard.core.id.IdGenerator;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints short-lived TURN credentials for coturn's REST API scheme ({@code use-auth-secret} with {@code
 * static-auth-secret}): the username is {@code <expiry as unix seconds>:<16 random base-36 chars>} and the credential
 * is {@code base64(HMAC-SHA1(secret, username))}, which coturn recomputes to check them. Nothing is stored.
 * Thread-safe.
 */
public final class TurnCredentials {
    private static final String HMAC = "HmacSHA1";
    private static final int RANDOM_LENGTH = 16;

    private final SecretKeySpec key;
    private final List<String> uris;
    private final Duration ttl;
    private final Clock clock;
    private final IdGenerator ids;

    /**
     * Credentials for the TURN servers at {@code uris} (such as {@code turn:turn.example.com:3478?transport=udp}),
     * valid for {@code ttl} (at least one second; sub-second parts are dropped) and signed with {@code secret}.
     */
    public TurnCredentials(String secret, List<String> uris, Duration ttl, Clock clock, IdGenerator ids) {
        requireNonNull(secret, "secret");
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("secret: empty (expected: coturn's static-auth-secret)");
        }
        this.uris = List.copyOf(requireNonNull(uris, "uris"));
        if (this.uris.isEmpty()) {
            throw new IllegalArgumentException("uris: empty (expected: at least one turn: or turns: URI)");
        }
        this.ttl = requireNonNull(ttl, "ttl");
        if (ttl.toSeconds() < 1) {
            throw new IllegalArgumentException("ttl: " + ttl + " (expected: >= 1s)");
        }
        this.clock = requireNonNull(clock, "clock");
        this.ids = requireNonNull(ids, "ids");
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC);
        sign("check"); // fail at startup, not on the first request, if the JDK cannot do HMAC-SHA1
    }

    /** New credentials that expire {@code ttl} from now. */
    public Issued issue() {
        long expiry = clock.instant().getEpochSecond() + ttl.toSeconds();
        String username = expiry + ":" + ids.randomString(Alphabets.BASE36_LOWER, RANDOM_LENGTH);
        return new Issued(username, sign(username), ttl.toSeconds(), uris);
    }

    private String sign(String username) {
        try {
            // Mac instances are not thread-safe and are cheap to make next to the HTTP round trip.
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is unavailable", e);
        }
    }

    /**
     * One set of credentials.
     *
     * @param username {@code <expiry unix seconds>:<random>}
     * @param credential base64 HMAC-SHA1 of {@code username} under the shared secret
     * @param ttlSeconds how long they are valid
     * @param uris the TURN server URIs they are valid for
     */
    public record Issued(String username, String credential, long ttlSeconds, List<String> uris) {
        /** Requires every component; copies {@code uris}. */
        public Issued {
            requireNonNull(username, "username");
            requireNonNull(credential, "credential");
            uris = List.copyOf(uris);
        }
    }
}
