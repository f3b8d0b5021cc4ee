package io.switchboard.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedisStoreConfigTest {
    @Test
    void aPlainUrlTakesEveryDefault() {
        RedisStoreConfig config = RedisStoreConfig.parse("redis://127.0.0.1:6380");
        assertEquals(new RedisEndpoint("127.0.0.1", 6380, false, null, null, 0), config.endpoint());
        assertEquals(RedisStoreConfig.of(config.endpoint()), config);
        assertEquals("sb:", config.keyPrefix());
        assertEquals(Duration.ofSeconds(2), config.connectTimeout());
        assertEquals(Duration.ofSeconds(2), config.socketTimeout());
        assertEquals(8, config.threads());
        assertEquals(1024, config.queueBound());
    }

    @Test
    void everyPartIsRead() {
        RedisStoreConfig config = RedisStoreConfig.parse("rediss://app:s%40cr%3At+x@redis.example.com:6390/3"
                + "?prefix=sw:&threads=4&queue=64&connectTimeoutMs=500&socketTimeoutMs=750&healthIntervalMs=250");
        assertEquals(new RedisEndpoint("redis.example.com", 6390, true, "app", "s@cr:t+x", 3), config.endpoint());
        assertEquals("sw:", config.keyPrefix());
        assertEquals(4, config.threads());
        assertEquals(64, config.queueBound());
        assertEquals(Duration.ofMillis(500), config.connectTimeout());
        assertEquals(Duration.ofMillis(750), config.socketTimeout());
        assertEquals(Duration.ofMillis(250), config.healthInterval());
    }

    @Test
    void aPasswordAloneIsTheDefaultUsersAndThePortDefaultsTo6379() {
        RedisEndpoint endpoint =
                RedisStoreConfig.parse("redis://:secret@cache/").endpoint();
        assertNull(endpoint.user());
        assertEquals("secret", endpoint.password());
        assertEquals(6379, endpoint.port());
        assertEquals(0, endpoint.database());
    }

    @Test
    void anIpv6HostLosesItsBrackets() {
        assertEquals(
                "::1", RedisStoreConfig.parse("redis://[::1]:7000").endpoint().host());
    }

    @Test
    void theEndpointPrintsWithoutItsPassword() {
        RedisEndpoint endpoint =
                RedisStoreConfig.parse("redis://app:hunter2@h:1/2").endpoint();
        assertEquals("redis://app:***@h:1/2", endpoint.toString());
        assertFalse(RedisStoreConfig.parse("redis://app:hunter2@h:1").toString().contains("hunter2"));
    }

    @Test
    void anotherSchemeIsRefused() {
        assertRefused("http://h:6379", "scheme http is not redis or rediss");
        assertRefused("h:6379", "scheme h is not redis or rediss");
        assertRefused("memory", "scheme (none) is not redis or rediss");
    }

    @Test
    void aMissingOrBadHostOrPortIsRefused() {
        assertRefused("redis://", "not a URL: Expected authority at index 8");
        assertRefused("redis://:6379", "no valid host");
        assertRefused("redis://h:notaport", "no valid host");
        assertRefused("redis://h:70000", "port: 70000");
        assertRefused("redis://bad host:1", "not a URL: Illegal character in authority");
    }

    @Test
    void aBadDatabaseIsRefused() {
        assertRefused("redis://h:1/x", "database x is not a number");
        assertRefused("redis://h:1/-1", "database -1 is not a number");
        assertRefused("redis://h:1/1/2", "database 1/2 is not a number");
    }

    @Test
    void aLoginWithoutColonIsRefused() {
        assertRefused("redis://secret@h:1", "the login must be user:password or :password");
    }

    @Test
    void unknownRepeatedOrBadParametersAreRefused() {
        assertRefused("redis://h:1?timeout=5", "unknown parameter 'timeout'");
        assertRefused("redis://h:1?threads=2&threads=3", "parameter 'threads' must be given once");
        assertRefused("redis://h:1?threads", "parameter 'threads' must be given once, with a value");
        assertRefused("redis://h:1?threads=-1", "parameter 'threads' = -1 is not a whole number");
        assertRefused("redis://h:1?threads=0", "threads: 0 (expected: 1..256)");
        assertRefused("redis://h:1?queue=0", "queue: 0");
        assertRefused("redis://h:1?socketTimeoutMs=0", "socketTimeout: PT0S");
        assertRefused("redis://h:1#top", "a fragment (#...) is not allowed");
    }

    @Test
    void aPrefixThatWouldChangeClusterSlotsIsRefused() {
        assertRefused("redis://h:1?prefix=%7Bsb%7D:", "prefix: {sb}:");
        assertRefused("redis://h:1?prefix=", "prefix:  (expected");
        assertRefused("redis://h:1?prefix=a%20b", "prefix: a b");
    }

    @Test
    void refusalsShowTheExpectedFormButNeverThePassword() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> RedisStoreConfig.parse("redis://u:hunter2@h:1?nope=1"));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertTrue(e.getMessage().startsWith("store URL redis://***@h:1?nope=1: unknown parameter"), e.getMessage());
        assertTrue(e.getMessage().endsWith("(expected: " + StoreUrlParser.EXPECTED + ")"), e.getMessage());
        IllegalArgumentException bad =
                assertThrows(IllegalArgumentException.class, () -> RedisStoreConfig.parse("redis://u:hun ter2@h:1"));
        assertFalse(bad.getMessage().contains("hun ter2"), bad.getMessage());
    }

    private static void assertRefused(String url, String reason) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> RedisStoreConfig.parse(url), url);
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
