package io.switchboard.core.id;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/** Draws ids from a per-thread DRBG {@link SecureRandom}, so concurrent event loops never contend on one lock. */
public final class SecureIdGenerator implements IdGenerator {
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureIdGenerator::newRandom);

    @Override
    public String randomString(String alphabet, int length) {
        SecureRandom random = RANDOM.get();
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = alphabet.charAt(random.nextInt(alphabet.length()));
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
