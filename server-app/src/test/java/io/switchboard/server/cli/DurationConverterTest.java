package io.switchboard.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {
    private final DurationConverter converter = new DurationConverter();

    @ParameterizedTest
    @CsvSource({
        "500ms, PT0.5S",
        "30s, PT30S",
        "10m, PT10M",
        "1h, PT1H",
        "45, PT45S",
        "PT30S, PT30S",
        "pt2m, PT2M",
        "0, PT0S"
    })
    void readsEveryAcceptedForm(String text, String expected) {
        assertEquals(Duration.parse(expected), converter.convert(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-5s", "5 s", "5d", "1.5h", "PT-1S", "P", "soon", "ms"})
    void refusesAnythingElseWithTheAcceptedForms(String text) {
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> converter.convert(text));

        assertTrue(e.getMessage().contains("is not a duration (expected: 500ms, 30s, 10m, 1h"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
        "PT1H, 1h",
        "PT1M, 1m",
        "PT90S, 90s",
        "PT0.05S, 50ms",
        "PT1.5S, 1500ms",
        "PT0S, 0s",
        "PT0.0000001S, PT0.0000001S"
    })
    void formatsTheShortestFormItReadsBack(String iso, String expected) {
        Duration duration = Duration.parse(iso);

        assertEquals(expected, DurationConverter.format(duration));
        assertEquals(duration, converter.convert(DurationConverter.format(duration)));
    }
}
