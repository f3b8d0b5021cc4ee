package io.switchboard.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    private static final List<String> ENV = List.of("SWITCHBOARD_APP", "SWITCHBOARD_LOG_KEY", "SWITCHBOARD_HOST");

    @Test
    void suggestsTheClosestNameAFewEditsAway() {
        assertEquals(
                " (did you mean 'SWITCHBOARD_LOG_KEY'?)",
                Suggestions.didYouMean("SWITCHBOARD_LOGKEY", ENV, "SWITCHBOARD_"));
        assertEquals(" (did you mean 'host'?)", Suggestions.didYouMean("hots", List.of("host", "app"), ""));
    }

    @Test
    void suggestsNothingWhenNoNameIsClose() {
        assertEquals("", Suggestions.didYouMean("SWITCHBOARD_FOO", ENV, "SWITCHBOARD_"));
        assertEquals("", Suggestions.didYouMean("database-url", List.of("host", "app"), ""));
    }

    @Test
    void countsEditsIgnoringCase() {
        assertEquals(1, Suggestions.distance("Host", "hostx"));
        assertEquals(0, Suggestions.distance("noDB", "nodb"));
    }
}
