package io.switchboard.redis;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * One Lua script of the Redis backend, read from the {@code lua/} resources. It runs with {@code EVALSHA}; a server
 * that does not know it yet (new, restarted, or another Cluster node) answers {@code NOSCRIPT}, and the script is
 * then sent once with {@code EVAL}, which also caches it there. On a Cluster the call goes to the node of its keys,
 * which must all share one hash slot.
 *
 * @param name the resource name, for messages
 * @param text the source
 * @param sha1 the SHA-1 of the source in hex, as Redis names scripts
 */
record LuaScript(String name, String text, String sha1) {
    /** Requires all three. */
    LuaScript {
        requireNonNull(name, "name");
        requireNonNull(text, "text");
        requireNonNull(sha1, "sha1");
    }

    /** The script in resource {@code lua/<name>}. */
    static LuaScript load(String name) {
        try (InputStream in = LuaScript.class.getResourceAsStream("/lua/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing script resource: lua/" + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new LuaScript(name, text, sha1(text));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read script " + name, e);
        }
    }

    /** Runs the script on {@code keys} and {@code args}; integers come back as Long, strings as String. */
    Object run(UnifiedJedis jedis, List<String> keys, List<String> args) {
        try {
            return jedis.evalsha(sha1, keys, args);
        } catch (JedisNoScriptException e) {
            return jedis.eval(text, keys, args);
        }
    }

    private static String sha1(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }
}
