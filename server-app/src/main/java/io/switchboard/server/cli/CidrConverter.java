package io.switchboard.server.cli;

import io.switchboard.core.Nullable;
import io.switchboard.core.network.Cidr;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads one {@code --trusted-proxy} range with {@link Cidr#parse}. A blank entry reads as no entry ({@code null}). */
final class CidrConverter implements ITypeConverter<Cidr> {
    @Override
    public @Nullable Cidr convert(String value) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return Cidr.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
