package io.switchboard.protocol.json;

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
}
