package io.switchboard.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.core.id.Alphabets;
import io.switchboard.core.id.IdGenerator;
import io.switchboard.core.id.SecureIdGenerator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class TurnCredentialsTest {
    static final String SECRET = "north-sea-turn-secret";
    static final List<String> URIS = List.of("turn:turn.example.com:3478?transport=udp", "turns:turn.example.com:5349");
    static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000), ZoneOffset.UTC);

    /** Always draws {@code 0123456789abcdef}, after checking it is asked for 16 base-36 characters. */
    static final IdGenerator FIXED_IDS = (alphabet, length) -> {
        assertEquals(Alphabets.BASE36_LOWER, alphabet);
        assertEquals(16, length);
        return "0123456789abcdef";
    };

    @Test
    void matchesAVectorComputedWithOpenssl() {
        // printf %s "1700003600:0123456789abcdef" | openssl dgst -sha1 -hmac "north-sea-turn-secret" -binary | base64
        TurnCredentials.Issued issued =
                new TurnCredentials(SECRET, URIS, Duration.ofHours(1), CLOCK, FIXED_IDS).issue();

        assertEquals("1700003600:0123456789abcdef", issued.username());
        assertEquals("cccmzVAAJmFpGJ+opyeOgOnNWLg=", issued.credential());
        assertEquals(3600, issued.ttlSeconds());
        assertEquals(URIS, issued.uris());
    }

    @Test
    void usernameIsExpiryThenRandomIdAndCredentialIsItsHmac() throws Exception {
        TurnCredentials.Issued issued =
                new TurnCredentials(SECRET, URIS, Duration.ofMinutes(10), CLOCK, new SecureIdGenerator()).issue();

        assertTrue(issued.username().matches("1700000600:[0-9a-z]{16}"), issued.username());
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String expected =
                Base64.getEncoder().encodeToString(mac.doFinal(issued.username().getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, issued.credential());
        assertEquals(600, issued.ttlSeconds());
    }

    @Test
    void emptySecretNoUrisAndSubSecondTtlAreRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new TurnCredentials("", URIS, Duration.ofHours(1), CLOCK, FIXED_IDS));
        assertThrows(
                IllegalArgumentException.class,
                () -> new TurnCredentials(SECRET, List.of(), Duration.ofHours(1), CLOCK, FIXED_IDS));
        assertThrows(
                IllegalArgumentException.class,
                () -> new TurnCredentials(SECRET, URIS, Duration.ofMillis(999), CLOCK, FIXED_IDS));
    }
}
