package io.switchboard.server.cli;

import io.switchboard.core.Nullable;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads one TCP port (1..65535). A blank entry reads as no entry ({@code null}). */
final class PortConverter implements ITypeConverter<Integer> {
    @Override
    public @Nullable Integer convert(String value) {
        String text = value.strip();
        if (text.isEmpty()) {
            return null;
        }
        if (text.matches("\\d{1,5}")) {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        }
        throw new TypeConversionException("port: '" + value + "' (expected: 1..65535)");
    }
}
