package io.switchboard.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

/** The converters of the repeatable options: what they accept, what they refuse, and that blank means no entry. */
class ValueConvertersTest {
    @ParameterizedTest
    @ValueSource(strings = {"https://dropsilk.xyz", "http://localhost:5173", "app://.", "http://[::1]:8080"})
    void originAcceptsSchemeHostAndPort(String origin) {
        assertEquals(origin, new OriginConverter().convert(" " + origin + " "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dropsilk.xyz", "https://dropsilk.xyz/", "https://x.io/app", "https://x.io:99999", "*"})
    void originRefusesPathsMissingSchemesAndBadPorts(String origin) {
        assertThrows(TypeConversionException.class, () -> new OriginConverter().convert(origin));
    }

    @ParameterizedTest
    @ValueSource(strings = {"turn:t.example.com:3478?transport=udp", "turns:t.example.com:5349", "stun:s.example.com"})
    void turnUriAcceptsTurnTurnsAndStun(String uri) {
        assertEquals(uri, new TurnUriConverter().convert(uri));
    }

    @ParameterizedTest
    @ValueSource(strings = {"turn:", "http://t.example.com", "t.example.com:3478", "turn: t.example.com"})
    void turnUriRefusesOtherSchemesAndEmptyRests(String uri) {
        assertThrows(TypeConversionException.class, () -> new TurnUriConverter().convert(uri));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65536", "http", "-1"})
    void portRefusesValuesOutside1To65535(String port) {
        assertThrows(TypeConversionException.class, () -> new PortConverter().convert(port));
    }

    @Test
    void blankEntriesMeanNoEntry() {
        assertNull(new PortConverter().convert(""));
        assertNull(new OriginConverter().convert(" "));
        assertNull(new TurnUriConverter().convert(""));
        assertNull(new CidrConverter().convert(""));
        assertNull(new AppBindingConverter().convert(""));
    }
}
