package io.switchboard.core.id;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/** The name of one app Switchboard serves ({@code dropsilk}, {@code privydrop}, ...); rooms never cross apps. */
public record AppId(String name) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    /** DropSilk, the plain-WebSocket file transfer app. */
    public static final AppId DROPSILK = new AppId("dropsilk");

    /** Validates the name: lower case letters, digits and '-', starting with a letter, at most 32 chars. */
    public AppId {
        requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("app: " + name + " (expected: [a-z][a-z0-9-]{0,31})");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
