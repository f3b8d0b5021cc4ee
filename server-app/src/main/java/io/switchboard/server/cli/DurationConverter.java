package io.switchboard.server.cli;

import io.switchboard.core.Nullable;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a DURATION option: {@code 500ms}, {@code 30s}, {@code 10m}, {@code 1h}, a bare number of seconds ({@code 45}),
 * or ISO-8601 ({@code PT30S}). Negative durations are refused. {@link #format} writes the shortest form it reads back.
 */
public final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern SHORT = Pattern.compile("(\\d{1,12})(ms|s|m|h)?");
    private static final long SECONDS_PER_HOUR = 3600;
    private static final long SECONDS_PER_MINUTE = 60;
    private static final int NANOS_PER_MILLI = 1_000_000;

    @Override
    public Duration convert(String value) {
        String text = value.strip();
        Matcher m = SHORT.matcher(text);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            return switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofSeconds(n);
            };
        }
        Duration iso = parseIso(text);
        if (iso == null) {
            throw new TypeConversionException("'" + value + "' is not a duration (expected: 500ms, 30s, 10m, 1h, "
                    + "a whole number of seconds, or ISO-8601 such as PT30S; not negative)");
        }
        return iso;
    }

    /** {@code duration} as {@code 1h}, {@code 10m}, {@code 30s} or {@code 500ms}, or in ISO-8601 if none fits. */
    static String format(Duration duration) {
        long seconds = duration.getSeconds();
        int nanos = duration.getNano();
        if (duration.isNegative() || nanos % NANOS_PER_MILLI != 0 || seconds > Long.MAX_VALUE / 1000 - 1) {
            return duration.toString();
        }
        if (nanos != 0) {
            return (seconds * 1000 + nanos / NANOS_PER_MILLI) + "ms";
        }
        if (seconds != 0 && seconds % SECONDS_PER_HOUR == 0) {
            return seconds / SECONDS_PER_HOUR + "h";
        }
        if (seconds != 0 && seconds % SECONDS_PER_MINUTE == 0) {
            return seconds / SECONDS_PER_MINUTE + "m";
        }
        return seconds + "s";
    }

    private static @Nullable Duration parseIso(String text) {
        if (!text.toUpperCase(Locale.ROOT).startsWith("P")) {
            return null;
        }
        try {
            Duration duration = Duration.parse(text);
            return duration.isNegative() ? null : duration;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
