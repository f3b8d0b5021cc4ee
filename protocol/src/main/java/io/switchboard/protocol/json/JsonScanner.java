package io.switchboard.protocol.json;

import io.switchboard.core.Nullable;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A strict, allocation-free JSON scanner for the relay's hot path: it checks one value and finds where it ends,
 * without building anything. It handles the JSON that signaling traffic is made of (ASCII, the short escapes SDP
 * uses, shallow nesting) and gives up on everything else, returning {@link #GIVE_UP}: invalid input, and valid input
 * it does not handle (any byte over 0x7F, {@code \\u} escapes, nesting deeper than {@value #MAX_DEPTH}, numbers
 * longer than {@value #MAX_NUMBER_LENGTH} characters). A caller that gets {@code GIVE_UP} decodes the frame with
 * jackson, which has the final word and the exact error. So the scanner only ever has to accept a subset of what
 * jackson (as configured in {@link Json}) accepts, which {@code JsonScannerTest} checks against jackson on generated
 * and mutated input.
 *
 * <p>Positions are indexes into the array; every method reads only below {@code end}. Stateless.
 */
public final class JsonScanner {
    /**
     * The longest frame worth scanning before jackson, in bytes; longer ones (SDP offers and answers) go straight to
     * jackson. Skipping a long string costs both the same per byte (JMH: a 3 KB offer took 2.1 µs scanned against
     * 1.4–1.6 µs with jackson), while for a short frame creating jackson's parser is most of the work (a 300-byte
     * candidate: 0.19–0.23 µs and 88 B scanned against 0.35 µs and 888 B).
     */
    public static final int WORTH_SCANNING = 1024;

    /** What every method returns when the input is invalid or not handled here. */
    public static final int GIVE_UP = -1;

    /** Nesting the scanner follows; jackson's own limit ({@link Json#MAX_NESTING_DEPTH}) is higher. */
    static final int MAX_DEPTH = 32;

    /** The longest number the scanner takes; jackson's own limit is higher. */
    static final int MAX_NUMBER_LENGTH = 32;

    /** The longest field name the scanner takes, in bytes; jackson's own limit is higher. */
    static final int MAX_NAME_LENGTH = 256;

    /** The longest string the scanner takes, in bytes; jackson's own limit is higher. */
    static final int MAX_STRING_LENGTH = 1024 * 1024;

    /** Eight bytes at once for the run of plain characters in a string (the byte order does not matter). */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long QUOTES = 0x2222222222222222L;
    private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
    private static final long SPACES = 0x2020202020202020L;

    /** Skips every field: for nested objects, which only have to be valid. */
    private static final Fields SKIP = (b, nameStart, nameEnd, valueStart, valueEnd) -> true;

    private JsonScanner() {}

    /** Receives the fields of an object {@link #scanObject} checks, one at a time, in order. */
    @FunctionalInterface
    public interface Fields {
        /**
         * One field: its name between {@code nameStart} and {@code nameEnd} (inside the quotes, as written), its
         * value, already checked, between {@code valueStart} and {@code valueEnd}. False gives the whole scan up.
         */
        boolean field(byte[] b, int nameStart, int nameEnd, int valueStart, int valueEnd);
    }

    /** The first position at or after {@code pos} that is not JSON whitespace (space, tab, LF, CR), or {@code end}. */
    public static int skipWhitespace(byte[] b, int pos, int end) {
        while (pos < end) {
            byte c = b[pos];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return pos;
            }
            pos++;
        }
        return end;
    }

    /**
     * Checks the value that starts at {@code pos} (no whitespace before it) and returns the position just after it,
     * or {@link #GIVE_UP}.
     */
    public static int skipValue(byte[] b, int pos, int end) {
        return skipValue(b, pos, end, 0);
    }

    /**
     * Checks the string whose opening quote is at {@code pos} and returns the position just after its closing quote,
     * or {@link #GIVE_UP}. The characters in between are plain ASCII or one of the escapes {@code \" \\ \/ \b \f \n
     * \r \t}.
     */
    public static int skipString(byte[] b, int pos, int end) {
        if (pos >= end || b[pos] != '"') {
            return GIVE_UP;
        }
        pos++;
        int limit = (int) Math.min(end, (long) pos + MAX_STRING_LENGTH + 1);
        while (pos < limit) {
            if (pos + Long.BYTES <= limit && !needsALook((long) LONGS.get(b, pos))) {
                pos += Long.BYTES; // eight plain characters: SDP is mostly these
                continue;
            }
            byte c = b[pos];
            if (c == '"') {
                return pos + 1;
            }
            if (c == '\\') {
                if (pos + 1 >= end || !isShortEscape(b[pos + 1])) {
                    return GIVE_UP;
                }
                pos += 2;
            } else if (c < 0x20) { // a control character, or (negative) a byte over 0x7F
                return GIVE_UP;
            } else {
                pos++;
            }
        }
        return GIVE_UP; // unterminated, or too long for the scanner
    }

    /** Like {@link #skipString}, for a field name: gives up on names longer than {@value #MAX_NAME_LENGTH} bytes. */
    private static int skipName(byte[] b, int pos, int end) {
        int after = skipString(b, pos, end);
        return after - pos - 2 > MAX_NAME_LENGTH ? GIVE_UP : after;
    }

    /**
     * The text of the checked value between {@code start} and {@code end} when it is a string without escapes, else
     * null; {@link #isEscapedString} tells the two kinds of null apart.
     */
    public static @Nullable String plainText(byte[] b, int start, int end) {
        if (b[start] != '"' || !isPlain(b, start + 1, end - 1)) {
            return null;
        }
        return new String(b, start + 1, end - 1 - (start + 1), StandardCharsets.US_ASCII);
    }

    /** Whether the checked value between {@code start} and {@code end} is a string with escapes in it. */
    public static boolean isEscapedString(byte[] b, int start, int end) {
        return b[start] == '"' && !isPlain(b, start + 1, end - 1);
    }

    /** Whether the bytes between {@code start} and {@code end} are the ASCII string {@code expected}. */
    public static boolean equalsAscii(String expected, byte[] b, int start, int end) {
        if (end - start != expected.length()) {
            return false;
        }
        for (int i = 0; i < expected.length(); i++) {
            if (b[start + i] != expected.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the string between {@code start} and {@code end} (quotes excluded) has no escapes. */
    private static boolean isPlain(byte[] b, int start, int end) {
        for (int i = start; i < end; i++) {
            if (b[i] == '\\') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether any of the eight bytes in {@code x} is a quote, a backslash, a control character or over 0x7F (the
     * classic bit tricks: a byte equal to v leaves a zero in {@code x ^ v}, and {@code (y - 0x01..) & ~y} sets the high
     * bit of some byte exactly when {@code y} has a zero byte; likewise {@code (x - 0x20..) & ~x} for a byte below
     * 0x20 when no byte is over 0x7F). Exact when it answers false, which is all the fast path needs.
     */
    private static boolean needsALook(long x) {
        long quote = x ^ QUOTES;
        long backslash = x ^ BACKSLASHES;
        long flags = x | ((quote - ONES) & ~quote) | ((backslash - ONES) & ~backslash) | ((x - SPACES) & ~x);
        return (flags & HIGH_BITS) != 0;
    }

    private static int skipValue(byte[] b, int pos, int end, int depth) {
        if (pos >= end) {
            return GIVE_UP;
        }
        return switch (b[pos]) {
            case '"' -> skipString(b, pos, end);
            case '{' -> depth >= MAX_DEPTH ? GIVE_UP : scanObject(b, pos, end, depth + 1, SKIP);
            case '[' -> depth >= MAX_DEPTH ? GIVE_UP : skipArray(b, pos, end, depth + 1);
            case 't' -> skipLiteral(b, pos, end, "true");
            case 'f' -> skipLiteral(b, pos, end, "false");
            case 'n' -> skipLiteral(b, pos, end, "null");
            default -> skipNumber(b, pos, end);
        };
    }

    /**
     * Checks the object whose opening brace is at {@code pos}, hands each field to {@code fields} as it goes, and
     * returns the position just after the closing brace, or {@link #GIVE_UP} (also when {@code fields} gives up).
     * Field names are passed as they stand between their quotes: a name with escapes never equals a plain ASCII name.
     */
    public static int scanObject(byte[] b, int pos, int end, Fields fields) {
        return scanObject(b, pos, end, 1, fields);
    }

    private static int scanObject(byte[] b, int pos, int end, int depth, Fields fields) {
        pos = skipWhitespace(b, pos + 1, end);
        if (pos < end && b[pos] == '}') {
            return pos + 1;
        }
        while (true) {
            int nameStart = pos + 1;
            pos = skipName(b, pos, end);
            if (pos == GIVE_UP) {
                return GIVE_UP;
            }
            int nameEnd = pos - 1;
            pos = skipWhitespace(b, pos, end);
            if (pos >= end || b[pos] != ':') {
                return GIVE_UP;
            }
            int valueStart = skipWhitespace(b, pos + 1, end);
            pos = skipValue(b, valueStart, end, depth);
            if (pos == GIVE_UP || !fields.field(b, nameStart, nameEnd, valueStart, pos)) {
                return GIVE_UP;
            }
            pos = skipWhitespace(b, pos, end);
            if (pos >= end) {
                return GIVE_UP;
            }
            if (b[pos] == '}') {
                return pos + 1;
            }
            if (b[pos] != ',') {
                return GIVE_UP;
            }
            pos = skipWhitespace(b, pos + 1, end);
        }
    }

    private static int skipArray(byte[] b, int pos, int end, int depth) {
        pos = skipWhitespace(b, pos + 1, end);
        if (pos < end && b[pos] == ']') {
            return pos + 1;
        }
        while (true) {
            pos = skipValue(b, pos, end, depth);
            if (pos == GIVE_UP) {
                return GIVE_UP;
            }
            pos = skipWhitespace(b, pos, end);
            if (pos >= end) {
                return GIVE_UP;
            }
            if (b[pos] == ']') {
                return pos + 1;
            }
            if (b[pos] != ',') {
                return GIVE_UP;
            }
            pos = skipWhitespace(b, pos + 1, end);
        }
    }

    private static int skipLiteral(byte[] b, int pos, int end, String literal) {
        int length = literal.length();
        if (end - pos < length) {
            return GIVE_UP;
        }
        for (int i = 0; i < length; i++) {
            if (b[pos + i] != literal.charAt(i)) {
                return GIVE_UP;
            }
        }
        return endOfToken(b, pos + length, end);
    }

    /** {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?}, as RFC 8259 and jackson's defaults have it. */
    private static int skipNumber(byte[] b, int pos, int end) {
        int start = pos;
        if (pos < end && b[pos] == '-') {
            pos++;
        }
        if (pos >= end) {
            return GIVE_UP;
        }
        if (b[pos] == '0') {
            pos++;
        } else if (isDigit(b[pos])) {
            pos = skipDigits(b, pos, end);
        } else {
            return GIVE_UP;
        }
        if (pos < end && b[pos] == '.') {
            int fraction = pos + 1;
            pos = skipDigits(b, fraction, end);
            if (pos == fraction) {
                return GIVE_UP;
            }
        }
        if (pos < end && (b[pos] == 'e' || b[pos] == 'E')) {
            pos++;
            if (pos < end && (b[pos] == '+' || b[pos] == '-')) {
                pos++;
            }
            int exponent = pos;
            pos = skipDigits(b, exponent, end);
            if (pos == exponent) {
                return GIVE_UP;
            }
        }
        if (pos - start > MAX_NUMBER_LENGTH) {
            return GIVE_UP;
        }
        return endOfToken(b, pos, end);
    }

    /**
     * A number or literal must be followed by a delimiter (or the end): {@code 12x} and {@code truex} are one bad
     * token to jackson, not a value and garbage.
     */
    private static int endOfToken(byte[] b, int pos, int end) {
        if (pos == end) {
            return pos;
        }
        return switch (b[pos]) {
            case ',', '}', ']', ' ', '\n', '\r', '\t' -> pos;
            default -> GIVE_UP;
        };
    }

    private static int skipDigits(byte[] b, int pos, int end) {
        while (pos < end && isDigit(b[pos])) {
            pos++;
        }
        return pos;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isShortEscape(byte c) {
        return switch (c) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> true;
            default -> false;
        };
    }
}
