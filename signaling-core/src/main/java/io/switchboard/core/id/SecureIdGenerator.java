package io.switchboard.core.id;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Draws ids from a per-thread DRBG {@link SecureRandom}, so concurrent event loops never contend on one lock. Each id
 * takes its bytes from one {@code nextBytes} call (the DRBG's cost is per call, not per byte), and each byte becomes
 * a character by rejection sampling, so every character of the alphabet is equally likely.
 */
public final class SecureIdGenerator implements IdGenerator {
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureIdGenerator::newRandom);

    @Override
    public String randomString(String alphabet, int length) {
        int size = alphabet.length();
        if (size < 1 || size > 256) {
            throw new IllegalArgumentException("alphabet: " + size + " characters (expected: 1..256)");
        }
        // bytes at or above the largest multiple of size would favour the first characters: they are drawn again
        int limit = 256 - 256 % size;
        SecureRandom random = RANDOM.get();
        byte[] bytes = new byte[length + length / 2 + 4];
        char[] out = new char[length];
        int filled = 0;
        while (filled < length) {
            random.nextBytes(bytes);
            for (int i = 0; i < bytes.length && filled < length; i++) {
                int b = bytes[i] & 0xff;
                if (b < limit) {
                    out[filled++] = alphabet.charAt(b % size);
                }
            }
        }
        return new String(out);
    }

    private static SecureRandom newRandom() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }
}
