package io.switchboard.core.room;

import io.switchboard.core.Nullable;
import io.switchboard.core.id.Alphabets;
import io.switchboard.core.id.IdGenerator;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * DropSilk flight codes: 6 characters of {@link Alphabets#UNAMBIGUOUS_UPPER} when we make them; accepted from
 * clients case-insensitively, trimmed, as 6 letters or digits.
 */
public final class FlightCodes {
    /** The length of every code. */
    public static final int LENGTH = 6;

    private static final Pattern ACCEPTED = Pattern.compile("[A-Z0-9]{" + LENGTH + "}");

    private FlightCodes() {}

    /** A new random code. */
    public static String next(IdGenerator ids) {
        return ids.randomString(Alphabets.UNAMBIGUOUS_UPPER, LENGTH);
    }

    /** The canonical form of a client's code (trimmed, upper case), or null when it cannot be a code. */
    public static @Nullable String normalise(String raw) {
        String code = raw.strip().toUpperCase(Locale.ROOT);
        return ACCEPTED.matcher(code).matches() ? code : null;
    }
}
