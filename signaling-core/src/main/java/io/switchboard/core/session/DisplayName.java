package io.switchboard.core.session;

import io.switchboard.core.Nullable;
import java.util.regex.Pattern;

/**
 * The rule for display names: after trimming, 1..50 characters of letters, digits, space, {@code _}, {@code -} and
 * {@code .}. Names reach other users' pages (DropSilk renders them as HTML), so nothing else gets through.
 */
public final class DisplayName {
    /** The longest name accepted. */
    public static final int MAX_LENGTH = 50;

    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N} _.-]{1," + MAX_LENGTH + "}");

    private DisplayName() {}

    /** The trimmed name, or null when {@code raw} breaks the rule. */
    public static @Nullable String validate(String raw) {
        String trimmed = raw.strip();
        return ALLOWED.matcher(trimmed).matches() ? trimmed : null;
    }
}
