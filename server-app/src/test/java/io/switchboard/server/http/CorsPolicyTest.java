package io.switchboard.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CorsPolicyTest {
    private final CorsPolicy cors = new CorsPolicy(List.of("https://a.example", "http://localhost:5173"));

    @Test
    void allowsOnlyExactOrigins() {
        assertTrue(cors.isAllowed("https://a.example"));
        assertTrue(cors.isAllowed("http://localhost:5173"));
        assertFalse(cors.isAllowed("https://a.example/"));
        assertFalse(cors.isAllowed("https://A.example"));
        assertFalse(cors.isAllowed("https://a.example.evil.example"));
        assertFalse(cors.isAllowed("http://localhost:5174"));
    }

    @Test
    void missingOriginIsNeverAllowed() {
        assertFalse(cors.isAllowed(null));
        assertFalse(new CorsPolicy(List.of()).isAllowed("https://a.example"));
    }

    @Test
    void originsKeepTheirOrderWithoutDuplicates() {
        assertEquals(
                List.of("https://b.example", "https://a.example"),
                new CorsPolicy(List.of("https://b.example", "https://a.example", "https://b.example")).origins());
    }
}
