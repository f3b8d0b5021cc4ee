package io.switchboard.server.cli;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;

/** Finds the valid name closest to a mistyped one, for "did you mean" hints. */
final class Suggestions {
    private static final int MAX_EDITS = 3;

    private Suggestions() {}

    /**
     * {@code " (did you mean 'x'?)"} for the closest of {@code candidates} a few edits away from {@code name}, where
     * both have {@code prefix} (which is not counted), else the empty string.
     */
    static String didYouMean(String name, Collection<String> candidates, String prefix) {
        if (!name.startsWith(prefix)) {
            return "";
        }
        String rest = name.substring(prefix.length());
        int allowed = Math.min(MAX_EDITS, rest.length() / 2);
        return candidates.stream()
                .filter(c -> c.startsWith(prefix))
                .map(c -> c.substring(prefix.length()))
                .min(Comparator.comparingInt((String c) -> distance(rest, c)).thenComparing(c -> c))
                .filter(c -> distance(rest, c) <= allowed)
                .map(c -> " (did you mean '" + prefix + c + "'?)")
                .orElse("");
    }

    /** The Levenshtein distance between {@code a} and {@code b}, ignoring case. */
    static int distance(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        int[] previous = new int[y.length() + 1];
        int[] current = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int substitution = previous[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.length()];
    }
}
