package io.switchboard.core.spi;

import static java.util.Objects.requireNonNull;

import io.switchboard.core.id.AppId;
import io.switchboard.core.network.ClientAddress;

/**
 * The sessions of one app that count as one network ({@link ClientAddress#networkKey()}): DropSilk shows them to
 * each other and lets them invite each other. Groups of different apps never mix.
 *
 * @param app the app whose sessions the group holds
 * @param networkKey the network key the group's sessions share, 1..128 characters
 */
public record NetworkGroup(AppId app, String networkKey) {
    /** The longest network key accepted (an IPv6 {@code /64} needs 43). */
    public static final int MAX_KEY_LENGTH = 128;

    /** Validates the key. */
    public NetworkGroup {
        requireNonNull(app, "app");
        requireNonNull(networkKey, "networkKey");
        if (networkKey.isEmpty() || networkKey.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException(
                    "networkKey: " + networkKey + " (expected: 1.." + MAX_KEY_LENGTH + " chars)");
        }
    }

    /** The group of {@code app}'s sessions on the network of {@code address}. */
    public static NetworkGroup of(AppId app, ClientAddress address) {
        return new NetworkGroup(app, address.networkKey());
    }
}
