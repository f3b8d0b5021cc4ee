package io.switchboard.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8Test {
    @Test
    void everyCodePointEncodedByTheJdkIsValid() {
        StringBuilder all = new StringBuilder();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (!Character.isSurrogate((char) cp) || cp > 0xFFFF) {
                all.appendCodePoint(cp);
            }
        }
        byte[] bytes = all.toString().getBytes(StandardCharsets.UTF_8);
        assertTrue(Utf8.isValid(bytes, 0, bytes.length));
    }

    @Test
    void malformedSequencesAreRefused() {
        int[][] bad = {
            {0x80},
            {0xC0, 0xAF},
            {0xC1, 0xBF},
            {0xC2},
            {0xE0, 0x80, 0xAF},
            {0xED, 0xA0, 0x80},
            {0xF0, 0x80, 0x80, 0xAF},
            {0xF4, 0x90, 0x80, 0x80},
            {0xF5, 0x80, 0x80, 0x80},
            {0xFF},
            {0xE2, 0x82},
            {0xF0, 0x9F, 0x98}
        };
        for (int[] sequence : bad) {
            byte[] bytes = new byte[sequence.length + 2];
            bytes[0] = 'a';
            for (int i = 0; i < sequence.length; i++) {
                bytes[i + 1] = (byte) sequence[i];
            }
            bytes[bytes.length - 1] = 'z';
            assertFalse(Utf8.isValid(bytes, 0, bytes.length), java.util.Arrays.toString(sequence));
        }
    }

    @Test
    void onlyTheGivenSliceIsChecked() {
        byte[] bytes = {(byte) 0xFF, 'o', 'k', (byte) 0xFF};
        assertTrue(Utf8.isValid(bytes, 1, 2));
    }

    @Test
    void agreesWithTheJdksStrictDecoderOnRandomMixesAtEveryAlignment() {
        java.util.Random random = new java.util.Random(42);
        byte[][] pieces = {
            "a".getBytes(java.nio.charset.StandardCharsets.UTF_8),
            "é".getBytes(java.nio.charset.StandardCharsets.UTF_8),
            "€".getBytes(java.nio.charset.StandardCharsets.UTF_8),
            "😀".getBytes(java.nio.charset.StandardCharsets.UTF_8),
            {(byte) 0xC0, (byte) 0x80}, // overlong
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // surrogate
            {(byte) 0x80}, // lone continuation
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
            {(byte) 0xE2, (byte) 0x82}, // truncated
        };
        for (int round = 0; round < 20_000; round++) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            int ascii = random.nextInt(24);
            for (int k = 0; k < ascii; k++) {
                out.write('x');
            }
            int parts = random.nextInt(4);
            for (int k = 0; k < parts; k++) {
                // mostly valid pieces, sometimes a broken one
                byte[] piece = pieces[random.nextInt(10) < 8 ? random.nextInt(4) : 4 + random.nextInt(5)];
                out.write(piece, 0, piece.length);
                for (int a = random.nextInt(12); a > 0; a--) {
                    out.write('y');
                }
            }
            byte[] bytes = out.toByteArray();
            int offset = bytes.length == 0 ? 0 : random.nextInt(Math.min(3, bytes.length) + 1) % (bytes.length + 1);
            boolean expected = strictlyDecodes(bytes, offset, bytes.length - offset);
            assertEquals(
                    expected, Utf8.isValid(bytes, offset, bytes.length - offset), java.util.Arrays.toString(bytes));
        }
    }

    private static boolean strictlyDecodes(byte[] bytes, int offset, int length) {
        try {
            java.nio.charset.StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes, offset, length));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }
}
