package io.switchboard.server.cli;

import io.switchboard.core.Nullable;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads one {@code --turn-uri}: a {@code turn:}, {@code turns:} or {@code stun:} URI (RFC 7064/7065), checked only
 * for its scheme and a non-empty rest. A blank entry reads as no entry ({@code null}).
 */
final class TurnUriConverter implements ITypeConverter<String> {
    private static final List<String> SCHEMES = List.of("turn:", "turns:", "stun:");

    @Override
    public @Nullable String convert(String value) {
        String text = value.strip();
        if (text.isEmpty()) {
            return null;
        }
        for (String scheme : SCHEMES) {
            if (text.startsWith(scheme) && text.length() > scheme.length() && !text.contains(" ")) {
                return text;
            }
        }
        throw new TypeConversionException("turn-uri: '" + value
                + "' (expected: turn:, turns: or stun: then host[:port], e.g. turn:turn.example.com:3478)");
    }
}
