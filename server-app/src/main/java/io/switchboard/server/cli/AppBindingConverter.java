package io.switchboard.server.cli;

import io.switchboard.core.Nullable;
import io.switchboard.server.app.AppModules;
import io.switchboard.server.config.AppBinding;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads one {@code --app NAME=PORT} entry and refuses an app this build cannot serve. The known names come from
 * {@link AppModules#KNOWN}, so a new app needs no change here. A blank entry reads as no entry ({@code null}).
 */
final class AppBindingConverter implements ITypeConverter<AppBinding> {
    @Override
    public @Nullable AppBinding convert(String value) {
        if (value.isBlank()) {
            return null;
        }
        AppBinding binding;
        try {
            binding = AppBinding.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
        if (!names().contains(binding.name())) {
            throw new TypeConversionException("app: unknown app '" + binding.name() + "' in '" + value.strip()
                    + "' (expected one of: " + String.join(", ", names()) + ")");
        }
        return binding;
    }

    private static List<String> names() {
        return AppModules.KNOWN.stream().map(AppModules.KnownApp::name).toList();
    }

    /** The known app names, for {@code ${COMPLETION-CANDIDATES}} in the help text and shell completion. */
    static final class KnownNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return names().iterator();
        }
    }
}
