package io.switchboard.core.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecureIdGeneratorTest {
    private final SecureIdGenerator ids = new SecureIdGenerator();

    @Test
    void idsHaveTheLengthAskedForAndOnlyCharactersOfTheAlphabet() {
        for (String alphabet : new String[] {Alphabets.BASE36_LOWER, Alphabets.UNAMBIGUOUS_UPPER, "ab", "x"}) {
            for (int length : new int[] {0, 1, 4, 10, 25, 100}) {
                String id = ids.randomString(alphabet, length);
                assertEquals(length, id.length());
                assertTrue(id.chars().allMatch(c -> alphabet.indexOf(c) >= 0), alphabet + ": " + id);
            }
        }
    }

    @Test
    void everyCharacterOfTheAlphabetTurnsUpAndNoIdRepeats() {
        Set<Integer> seen = new HashSet<>();
        Set<String> drawn = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            String id = ids.randomString(Alphabets.BASE36_LOWER, 25);
            id.chars().forEach(seen::add);
            assertTrue(drawn.add(id), "repeated: " + id);
        }
        // 50,000 draws of 36 characters: missing one by chance has a probability below 1e-600
        assertEquals(36, seen.size());
    }

    @Test
    void anAlphabetOfMoreThan256CharactersIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ids.randomString("a".repeat(257), 4));
        assertThrows(IllegalArgumentException.class, () -> ids.randomString("", 4));
    }
}
