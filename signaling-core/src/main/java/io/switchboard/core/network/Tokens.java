package io.switchboard.core.network;

import java.util.ArrayList;
import java.util.List;

/** Splitting without regular expressions, keeping empty fields (they must fail validation, not vanish). */
final class Tokens {
    private Tokens() {}

    static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = text.indexOf(separator); i >= 0; i = text.indexOf(separator, start)) {
            parts.add(text.substring(start, i));
            start = i + 1;
        }
        parts.add(text.substring(start));
        return parts;
    }

    /** Parses 1..{@code maxDigits} ASCII decimal digits (no sign), or returns -1. */
    static int decimal(String text, int maxDigits) {
        if (text.isEmpty() || text.length() > maxDigits) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
