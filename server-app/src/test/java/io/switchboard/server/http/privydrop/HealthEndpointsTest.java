package io.switchboard.server.http.privydrop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.switchboard.server.http.HttpResponses;
import io.switchboard.server.http.privydrop.PrivyDropServer.Answer;
import io.switchboard.server.testing.JsonTree;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HealthEndpointsTest {
    private static final String BASIC_HEALTHY = "{\"status\":\"healthy\",\"timestamp\":\"2024-05-01T12:01:05.250Z\","
            + "\"uptime\":65,\"service\":\"privydrop-backend\",\"version\":\"1.2.3\",\"environment\":\"production\"";
    private static final String SYSTEM = "\"system\":{\"memory\":{\"used\":\"50 MB\",\"free\":\"150 MB\","
            + "\"total\":\"200 MB\",\"percent\":25},\"cpu\":{\"percent\":3},\"uptime\":65.250,\"platform\":\"linux\","
            + "\"arch\":\"x64\",\"javaVersion\":\"17.0.12\"}";

    private final PrivyDropServer server = new PrivyDropServer();

    @BeforeEach
    void runForAMinute() {
        server.clock.advance(Duration.ofMillis(65_250));
    }

    private static void assertJson(int status, String body, Answer answer) {
        assertEquals(body, answer.body());
        assertEquals(status, answer.status());
        assertEquals(HttpResponses.JSON, answer.contentType());
        assertEquals("no-store", answer.header(HttpHeaderNames.CACHE_CONTROL));
        JsonTree.object(answer.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/health", "/api/health"})
    void basicHealthAnswersTheOriginalShapeWithWholeSecondsOfUptime(String path) {
        assertJson(200, BASIC_HEALTHY + "}", server.get(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/health", "/api/health"})
    void basicHealthAnswers503UnhealthyWhileTheStoreIsDown(String path) {
        server.storeHealthy = false;
        assertJson(
                503,
                "{\"status\":\"unhealthy\",\"timestamp\":\"2024-05-01T12:01:05.250Z\","
                        + "\"service\":\"privydrop-backend\",\"error\":\"store unavailable\"}",
                server.get(path));
    }

    @Test
    void aStoreCheckThatThrowsCountsAsUnhealthy() {
        server.storeCheckFailure = new IllegalStateException("pool closed");
        assertEquals(503, server.get("/health").status());
        assertEquals(503, server.get("/health/detailed").status());
    }

    @Test
    void detailedHealthWithTheMemoryStoreReportsItUnderStore() {
        server.connections = 2;
        assertJson(
                200,
                BASIC_HEALTHY + ",\"dependencies\":{\"store\":{\"status\":\"connected\",\"type\":\"memory\"},"
                        + "\"socketio\":{\"status\":\"running\",\"connections\":2}}," + SYSTEM + "}",
                server.get("/health/detailed"));
    }

    @Test
    void detailedHealthWithRedisReportsItUnderRedisWithHostAndPortButNoCredentials() {
        PrivyDropServer redis =
                new PrivyDropServer("redis://user:s3cret@cache.internal:6380/2", PrivyDropRoutes.Limits.DEFAULTS);
        redis.clock.advance(Duration.ofMillis(65_250));

        Answer answer = redis.get("/health/detailed");

        assertJson(
                200,
                BASIC_HEALTHY + ",\"dependencies\":{\"redis\":{\"status\":\"connected\",\"host\":\"cache.internal\","
                        + "\"port\":6380},\"socketio\":{\"status\":\"running\",\"connections\":0}}," + SYSTEM + "}",
                answer);
    }

    @Test
    void detailedHealthWithRedisDownIsUnhealthy503WithTheOriginalsError() {
        PrivyDropServer redis = new PrivyDropServer("redis://localhost", PrivyDropRoutes.Limits.DEFAULTS);
        redis.storeHealthy = false;

        Map<String, Object> json = JsonTree.object(redis.get("/health/detailed").body());

        assertEquals(503, redis.get("/health/detailed").status());
        assertEquals("unhealthy", json.get("status"));
        assertEquals(
                Map.of("status", "disconnected", "error", "store unavailable", "host", "localhost", "port", 6379L),
                ((Map<?, ?>) json.get("dependencies")).get("redis"));
        assertEquals(List.of("Redis connection failed"), json.get("errors"));
    }

    @Test
    void detailedHealthWithTheMemoryStoreDownIsUnhealthy() {
        server.storeHealthy = false;

        Answer answer = server.get("/health/detailed");

        assertEquals(503, answer.status());
        Map<String, Object> json = JsonTree.object(answer.body());
        assertEquals("unhealthy", json.get("status"));
        assertEquals(
                Map.of("status", "disconnected", "error", "store unavailable", "type", "memory"),
                ((Map<?, ?>) json.get("dependencies")).get("store"));
        assertEquals(List.of("Store connection failed"), json.get("errors"));
    }

    @Test
    void heapAbove90PercentOrCpuAbove80PercentIsDegraded503() {
        server.metrics.heapUsed = 181L * 1024 * 1024 + 512 * 1024;
        server.metrics.cpuPercent = 81;

        Answer answer = server.get("/health/detailed");

        assertEquals(503, answer.status());
        Map<String, Object> json = JsonTree.object(answer.body());
        assertEquals("degraded", json.get("status"));
        assertEquals(List.of("High memory usage (>90%)", "High CPU usage (>80%)"), json.get("errors"));
        assertEquals(
                Map.of("used", "181.5 MB", "free", "18.5 MB", "total", "200 MB", "percent", 91L),
                ((Map<?, ?>) json.get("system")).get("memory"));
    }

    @Test
    void exactly90PercentHeapAnd80PercentCpuAreStillHealthy() {
        server.metrics.heapUsed = 180L * 1024 * 1024;
        server.metrics.cpuPercent = 80;

        Answer answer = server.get("/health/detailed");

        assertEquals(200, answer.status());
        assertEquals("healthy", JsonTree.object(answer.body()).get("status"));
    }

    @Test
    void detailedHealthKeepsTheOriginalsKeyOrder() {
        Map<String, Object> json =
                JsonTree.object(server.get("/health/detailed").body());
        assertEquals(
                List.of("status", "timestamp", "uptime", "service", "version", "environment", "dependencies", "system"),
                List.copyOf(json.keySet()));
    }

    @Test
    void uptimeNeverGoesNegative() {
        server.clock.advance(Duration.ofHours(-1));
        Map<String, Object> json = JsonTree.object(server.get("/health").body());
        assertEquals(0L, json.get("uptime"));
    }

    @ParameterizedTest
    @CsvSource({
        "0, 0 B",
        "1, 1 B",
        "1023, 1023 B",
        "1024, 1 KB",
        "1536, 1.5 KB",
        "1048576, 1 MB",
        "1099511627776, 1024 GB",
        "52428800, 50 MB",
        "1073741823, 1024 MB"
    })
    void bytesAreFormattedLikeTheOriginal(long bytes, String expected) {
        assertEquals(expected, HealthEndpoints.formatBytes(bytes));
    }

    @ParameterizedTest
    @CsvSource({
        "memory, false, memory, , -1",
        "'', false, memory, , -1",
        "redis://localhost:6379, true, redis, localhost, 6379",
        "rediss://h.example, true, rediss, h.example, 6379",
        "REDIS://H:1, true, redis, H, 1",
        "redis, true, redis, , -1",
        "redis://[bad, true, redis, , -1",
        "foo://x, false, foo, , -1",
        "?? weird, false, unknown, , -1"
    })
    void theStoreIsNamedFromItsDescription(String description, boolean redis, String type, String host, int port) {
        assertEquals(new StoreReport(redis, type, host, port), StoreReport.of(description));
    }

    @Test
    void nodeNamesForPlatformAndArch() {
        assertEquals("linux", SystemMetrics.nodePlatform("Linux"));
        assertEquals("darwin", SystemMetrics.nodePlatform("Mac OS X"));
        assertEquals("win32", SystemMetrics.nodePlatform("Windows 11"));
        assertEquals("freebsd", SystemMetrics.nodePlatform("FreeBSD"));
        assertEquals("x64", SystemMetrics.nodeArch("amd64"));
        assertEquals("arm64", SystemMetrics.nodeArch("aarch64"));
        assertEquals("ia32", SystemMetrics.nodeArch("x86"));
        assertEquals("riscv64", SystemMetrics.nodeArch("riscv64"));
    }

    @Test
    void theRunningJvmsFiguresAreSane() {
        SystemMetrics jvm = SystemMetrics.jvm();
        long used = jvm.heapUsed();
        assertEquals(true, used > 0 && used <= jvm.heapMax(), used + " of " + jvm.heapMax());
        int cpu = jvm.cpuPercent();
        assertEquals(true, cpu >= 0 && cpu <= 100, "cpu " + cpu);
        assertEquals(System.getProperty("java.version"), jvm.javaVersion());
    }
}
