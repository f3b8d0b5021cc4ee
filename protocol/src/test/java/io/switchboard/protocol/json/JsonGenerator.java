package io.switchboard.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;

/** Random JSON text for differential tests: mostly valid, signaling-shaped, with the edge cases of the grammar. */
public final class JsonGenerator {
    private static final String[] NUMBERS = {
        "0", "-0", "7", "-12", "3.25", "1e9", "1E-2", "-0.0e+0", "123456789012345678901234567890", "01", "1.", "-"
    };
    private static final String[] STRING_PARTS = {
        "candidate:1 1 udp 2122260223 10.0.0.2 5000 typ host",
        "v=0",
        "\\r\\n",
        "\\\"",
        "\\\\",
        "\\/",
        "\\t",
        "\\u00e9",
        "é",
        "\u007f",
        "a=ice-ufrag:F7gI",
        " ",
        "",
        "\\x",
        "\t"
    };
    private static final String[] NAMES = {"type", "data", "name", "flightCode", "inviteeId", "sdp", "candidate", "x"};
    private static final String WHITESPACE = " \t\n\r";

    private JsonGenerator() {}

    /** A random value; {@code depth} is the nesting it is generated at. */
    public static String value(Random random, int depth) {
        int kind = random.nextInt(depth > 3 ? 4 : 6);
        return switch (kind) {
            case 0 -> NUMBERS[random.nextInt(NUMBERS.length)];
            case 1 -> string(random);
            case 2 -> new String[] {"true", "false", "null"}[random.nextInt(3)];
            case 3 -> string(random);
            case 4 -> object(random, depth + 1);
            default -> array(random, depth + 1);
        };
    }

    /** A random object of up to five fields, with names the dialects look for among others. */
    public static String object(Random random, int depth) {
        StringBuilder out = new StringBuilder("{");
        int fields = random.nextInt(6);
        for (int i = 0; i < fields; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(space(random))
                    .append('"')
                    .append(NAMES[random.nextInt(NAMES.length)])
                    .append('"')
                    .append(space(random))
                    .append(':')
                    .append(space(random))
                    .append(value(random, depth))
                    .append(space(random));
        }
        return out.append('}').toString();
    }

    /** A random string literal, quotes included. */
    public static String string(Random random) {
        StringBuilder out = new StringBuilder("\"");
        int parts = random.nextInt(4);
        for (int i = 0; i < parts; i++) {
            out.append(STRING_PARTS[random.nextInt(STRING_PARTS.length)]);
        }
        return out.append('"').toString();
    }

    /** Changes one byte of {@code b} into a byte that matters to the grammar, or any byte. */
    public static void mutate(byte[] b, Random random) {
        if (b.length == 0) {
            return;
        }
        byte[] interesting = "{}[]\",:\\ 0-.eE+tfn\u0001".getBytes(StandardCharsets.UTF_8);
        b[random.nextInt(b.length)] =
                random.nextBoolean() ? interesting[random.nextInt(interesting.length)] : (byte) random.nextInt(256);
    }

    /**
     * Runs {@code inputs} generated frames, every other one with a byte changed, and asserts that wherever
     * {@code scanned} says the scanner answered, {@code decode} and {@code jackson} give equal results; returns how
     * many the scanner answered.
     */
    public static int assertScannerAgreesWithJackson(
            Random random,
            int inputs,
            Function<Random, String> frames,
            Predicate<byte[]> scanned,
            Function<byte[], Object> decode,
            Function<byte[], Object> jackson) {
        int answered = 0;
        for (int i = 0; i < inputs; i++) {
            byte[] b = frames.apply(random).getBytes(StandardCharsets.UTF_8);
            if (i % 2 == 1) {
                mutate(b, random);
            }
            if (scanned.test(b)) {
                answered++;
                assertEquals(jackson.apply(b), decode.apply(b), () -> new String(b, StandardCharsets.UTF_8));
            }
        }
        return answered;
    }

    private static String array(Random random, int depth) {
        StringBuilder out = new StringBuilder("[");
        int items = random.nextInt(4);
        for (int i = 0; i < items; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(space(random)).append(value(random, depth)).append(space(random));
        }
        return out.append(']').toString();
    }

    private static String space(Random random) {
        return random.nextInt(4) == 0 ? String.valueOf(WHITESPACE.charAt(random.nextInt(WHITESPACE.length()))) : "";
    }
}
