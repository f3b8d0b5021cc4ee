package io.switchboard.server.http.privydrop;

import static io.switchboard.server.http.JsonText.quote;
import static java.util.Objects.requireNonNull;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.switchboard.server.http.HttpRequestContext;
import io.switchboard.server.http.HttpResponses;
import io.switchboard.server.telemetry.Timestamps;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * PrivyDrop's health endpoints (PROTOCOLS.md §2.6), with {@code Cache-Control: no-store}.
 *
 * <p>{@code GET /health} and {@code GET /api/health}: 200 {@code
 * {"status":"healthy","timestamp":"<ISO>","uptime":<whole seconds>,"service":"privydrop-backend","version":"<v>",
 * "environment":"production"}}, or, while the store is unhealthy, 503 {@code
 * {"status":"unhealthy","timestamp":"<ISO>","service":"privydrop-backend","error":"store unavailable"}}.
 *
 * <p>{@code GET /health/detailed}: the basic fields, then {@code dependencies}, {@code system} and, when something is
 * wrong, {@code errors}; 200 when {@code healthy}, else 503. An unhealthy store makes it {@code unhealthy}; heap use
 * above 90% or CPU above 80% makes it {@code degraded}. The store is reported under the original's key {@code redis}
 * (with the {@code host} and {@code port} of its URI, never its credentials; there is no {@code responseTime}, as the
 * health check only reads a flag) when its description names Redis, and otherwise under {@code store} as {@code
 * {"status":"connected","type":"memory"}}: a PrivyDrop dashboard then shows no Redis that does not exist. In {@code
 * system}, {@code memory} is the JVM heap against its limit ({@code -Xmx}) in Node's {@code "12.3 MB"} notation, {@code
 * cpu.percent} the process's recent share of all cores, {@code uptime} fractional seconds, and Node's {@code
 * nodeVersion} becomes {@code javaVersion}. Thread-safe.
 */
final class HealthEndpoints {
    static final String SERVICE = "privydrop-backend";
    static final String ENVIRONMENT = "production";
    static final String STORE_UNAVAILABLE = "store unavailable";

    private static final int MEMORY_DEGRADED_PERCENT = 90;
    private static final int CPU_DEGRADED_PERCENT = 80;

    private final PrivyDropRoutes.Context ctx;
    private final SystemMetrics metrics;
    private final StoreReport store;

    HealthEndpoints(PrivyDropRoutes.Context ctx, SystemMetrics metrics) {
        this.ctx = requireNonNull(ctx, "ctx");
        this.metrics = requireNonNull(metrics, "metrics");
        this.store = StoreReport.of(ctx.storeDescription());
    }

    CompletionStage<FullHttpResponse> basic(HttpRequestContext request) {
        Instant now = ctx.clock().instant();
        if (!storeHealthy()) {
            return answer(
                    HttpResponseStatus.SERVICE_UNAVAILABLE,
                    "{\"status\":\"unhealthy\",\"timestamp\":" + quote(Timestamps.iso(now)) + ",\"service\":\""
                            + SERVICE + "\",\"error\":\"" + STORE_UNAVAILABLE + "\"}");
        }
        return answer(HttpResponseStatus.OK, basicFields("healthy", now) + "}");
    }

    CompletionStage<FullHttpResponse> detailed(HttpRequestContext request) {
        Instant now = ctx.clock().instant();
        boolean storeHealthy = storeHealthy();
        long used = metrics.heapUsed();
        long max = Math.max(1, Math.max(used, metrics.heapMax()));
        int memoryPercent = (int) Math.round(used * 100.0 / max);
        int cpuPercent = metrics.cpuPercent();
        List<String> errors = new ArrayList<>();
        if (!storeHealthy) {
            errors.add(store.failure());
        }
        if (memoryPercent > MEMORY_DEGRADED_PERCENT) {
            errors.add("High memory usage (>90%)");
        }
        if (cpuPercent > CPU_DEGRADED_PERCENT) {
            errors.add("High CPU usage (>80%)");
        }
        String status = !storeHealthy ? "unhealthy" : errors.isEmpty() ? "healthy" : "degraded";
        StringBuilder json = new StringBuilder(512)
                .append(basicFields(status, now))
                .append(",\"dependencies\":{")
                .append(store.json(storeHealthy))
                .append(",\"socketio\":{\"status\":\"running\",\"connections\":")
                .append(ctx.connections().getAsInt())
                .append("}},\"system\":{\"memory\":{\"used\":")
                .append(quote(formatBytes(used)))
                .append(",\"free\":")
                .append(quote(formatBytes(max - used)))
                .append(",\"total\":")
                .append(quote(formatBytes(max)))
                .append(",\"percent\":")
                .append(memoryPercent)
                .append("},\"cpu\":{\"percent\":")
                .append(cpuPercent)
                .append("},\"uptime\":")
                .append(BigDecimal.valueOf(uptime(now).toMillis(), 3).toPlainString())
                .append(",\"platform\":")
                .append(quote(metrics.platform()))
                .append(",\"arch\":")
                .append(quote(metrics.arch()))
                .append(",\"javaVersion\":")
                .append(quote(metrics.javaVersion()))
                .append('}');
        appendErrors(json, errors);
        HttpResponseStatus code = errors.isEmpty() ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE;
        return answer(code, json.append('}').toString());
    }

    /** Bytes the way the original's {@code formatBytes} writes them: {@code 0 B}, {@code 512 B}, {@code 1.5 KB}. */
    static String formatBytes(long bytes) {
        if (bytes <= 0) {
            return "0 B";
        }
        String[] units = {"B", "KB", "MB", "GB"};
        int unit = 0;
        double value = bytes;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        BigDecimal rounded =
                BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.toPlainString() + " " + units[unit];
    }

    private String basicFields(String status, Instant now) {
        return "{\"status\":\"" + status + "\",\"timestamp\":" + quote(Timestamps.iso(now)) + ",\"uptime\":"
                + uptime(now).toSeconds() + ",\"service\":\"" + SERVICE + "\",\"version\":" + quote(ctx.version())
                + ",\"environment\":\"" + ENVIRONMENT + "\"";
    }

    private Duration uptime(Instant now) {
        Duration uptime = Duration.between(ctx.startedAt(), now);
        return uptime.isNegative() ? Duration.ZERO : uptime;
    }

    private boolean storeHealthy() {
        try {
            return ctx.storeHealthy().getAsBoolean();
        } catch (RuntimeException e) {
            return false; // a check that cannot tell is a store that cannot be trusted
        }
    }

    private static void appendErrors(StringBuilder json, List<String> errors) {
        if (errors.isEmpty()) {
            return;
        }
        json.append(",\"errors\":[");
        for (int i = 0; i < errors.size(); i++) {
            json.append(i == 0 ? "" : ",").append(quote(errors.get(i)));
        }
        json.append(']');
    }

    private static CompletionStage<FullHttpResponse> answer(HttpResponseStatus status, String json) {
        FullHttpResponse response = Replies.json(status, json);
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
        return HttpResponses.now(response);
    }
}
