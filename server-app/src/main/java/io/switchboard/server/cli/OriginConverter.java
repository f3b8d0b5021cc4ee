package io.switchboard.server.cli;

import io.switchboard.core.Nullable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads one {@code --allow-origin}: {@code scheme://host[:port]} with no path, as browsers send it in {@code Origin}
 * (so not even a trailing {@code /}). {@code app://.}, the origin of an Electron app, fits this form. A blank entry
 * reads as no entry ({@code null}).
 */
final class OriginConverter implements ITypeConverter<String> {
    private static final Pattern ORIGIN =
            Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://([A-Za-z0-9._~-]+|\\[[0-9A-Fa-f:.]+\\])(?::(\\d{1,5}))?");

    @Override
    public @Nullable String convert(String value) {
        String text = value.strip();
        if (text.isEmpty()) {
            return null;
        }
        Matcher m = ORIGIN.matcher(text);
        if (!m.matches() || (m.group(2) != null && Integer.parseInt(m.group(2)) > 65535)) {
            throw new TypeConversionException("origin: '" + value
                    + "' (expected: scheme://host[:port] with no path, e.g. https://dropsilk.xyz or app://.)");
        }
        return text;
    }
}
