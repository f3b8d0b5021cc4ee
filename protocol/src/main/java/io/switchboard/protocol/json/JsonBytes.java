package io.switchboard.protocol.json;

import io.switchboard.core.message.RawJson;
import io.switchboard.protocol.ByteSink;
import java.nio.charset.StandardCharsets;

/**
 * Writes JSON directly as UTF-8 bytes into a {@link ByteSink}: envelope constants, escaped strings, numbers and raw
 * payload slices. Envelopes are small and fixed, so writing them by hand is both simpler and cheaper than a
 * generator, and a raw payload is copied exactly once, into the outgoing buffer.
 */
public final class JsonBytes {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private JsonBytes() {}

    /** The UTF-8 bytes of a constant piece of JSON, for {@code static final} envelope parts. */
    public static byte[] constant(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** Writes {@code value} as a quoted JSON string, escaping what JSON requires. */
    public static void writeString(ByteSink out, String value) {
        out.write('"');
        int length = value.length();
        int plain = 0;
        while (plain < length && isPlain(value.charAt(plain))) {
            plain++;
        }
        out.writeAscii(value, 0, plain); // ids, codes and most names: the whole string in one copy
        for (int i = plain; i < length; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                writeAscii(out, c);
            } else if (c < 0x800) {
                out.write(0xC0 | (c >> 6));
                out.write(0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < length
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, value.charAt(++i));
                out.write(0xF0 | (cp >> 18));
                out.write(0x80 | ((cp >> 12) & 0x3F));
                out.write(0x80 | ((cp >> 6) & 0x3F));
                out.write(0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                writeUnicodeEscape(out, c); // a lone surrogate has no UTF-8 form; JSON allows the escape
            } else {
                out.write(0xE0 | (c >> 12));
                out.write(0x80 | ((c >> 6) & 0x3F));
                out.write(0x80 | (c & 0x3F));
            }
        }
        out.write('"');
    }

    /** Whether {@code c} goes into a JSON string as itself, one byte. */
    private static boolean isPlain(char c) {
        return c >= 0x20 && c < 0x7F && c != '"' && c != '\\';
    }

    /** Writes a JSON number. */
    public static void writeNumber(ByteSink out, long value) {
        if (value >= 0 && value < 10) {
            out.write('0' + (int) value);
            return;
        }
        byte[] digits = Long.toString(value).getBytes(StandardCharsets.US_ASCII);
        out.write(digits, 0, digits.length);
    }

    /** Splices a raw JSON value in, byte for byte. */
    public static void writeRaw(ByteSink out, RawJson raw) {
        out.write(raw.array(), raw.offset(), raw.length());
    }

    private static void writeAscii(ByteSink out, char c) {
        switch (c) {
            case '"' -> {
                out.write('\\');
                out.write('"');
            }
            case '\\' -> {
                out.write('\\');
                out.write('\\');
            }
            case '\n' -> {
                out.write('\\');
                out.write('n');
            }
            case '\r' -> {
                out.write('\\');
                out.write('r');
            }
            case '\t' -> {
                out.write('\\');
                out.write('t');
            }
            default -> {
                if (c < 0x20 || c == 0x7F) {
                    writeUnicodeEscape(out, c);
                } else {
                    out.write(c);
                }
            }
        }
    }

    private static void writeUnicodeEscape(ByteSink out, char c) {
        out.write('\\');
        out.write('u');
        out.write(HEX[(c >> 12) & 0xF]);
        out.write(HEX[(c >> 8) & 0xF]);
        out.write(HEX[(c >> 4) & 0xF]);
        out.write(HEX[c & 0xF]);
    }
}
