package io.switchboard.server.config;

import static java.util.Objects.requireNonNull;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One app served on one listener port: {@code --app dropsilk=8080}. Port 0 picks a free port. */
public record AppBinding(String name, int port) {
    private static final Pattern FORM = Pattern.compile("([a-z][a-z0-9-]{0,31})=(\\d{1,5})");

    /** Validates the name and the port (0..65535). */
    public AppBinding {
        requireNonNull(name, "name");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port: " + port + " (expected: 0..65535)");
        }
    }

    /** Parses {@code NAME=PORT}. */
    public static AppBinding parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("app: " + text + " (expected: NAME=PORT, e.g. dropsilk=8080)");
        }
        return new AppBinding(m.group(1), Integer.parseInt(m.group(2)));
    }

    @Override
    public String toString() {
        return name + "=" + port;
    }
}
