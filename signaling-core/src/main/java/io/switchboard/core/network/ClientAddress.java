package io.switchboard.core.network;

import static java.util.Objects.requireNonNull;

import io.switchboard.core.Nullable;

/**
 * The address of one session as the apps see it.
 *
 * @param ip the address in {@link IpAddress#toString()} form, or {@code "unknown"}
 * @param networkKey the group of addresses taken to be one network (see {@link #of}), or {@code "unknown"}
 * @param privateAddress whether {@code ip} is private, loopback or link-local ({@link IpAddress#isPrivate()})
 */
public record ClientAddress(String ip, String networkKey, boolean privateAddress) {
    /** What {@link #ip} and {@link #networkKey} say when the address is not known. */
    static final String UNKNOWN_TEXT = "unknown";

    /** An address that could not be determined; it is never on the same network as anything. */
    public static final ClientAddress UNKNOWN = new ClientAddress(UNKNOWN_TEXT, UNKNOWN_TEXT, false);

    private static final int V6_NETWORK_BITS = 64;

    /** Requires both strings. */
    public ClientAddress {
        requireNonNull(ip, "ip");
        requireNonNull(networkKey, "networkKey");
    }

    /**
     * The client address of {@code address}. Its network key groups the addresses that are taken to be one network:
     *
     * <ul>
     *   <li>private IPv4: the {@code /24}, written as its first three octets ({@code 192.168.1});
     *   <li>public IPv4: the address itself, because every client behind one NAT shares it;
     *   <li>IPv6, private or public: the {@code /64}, written as a CIDR ({@code 2001:db8:1:2::/64}).
     * </ul>
     */
    public static ClientAddress of(IpAddress address) {
        requireNonNull(address, "address");
        String ip = address.toString();
        return new ClientAddress(ip, networkKey(address, ip), address.isPrivate());
    }

    /** Parses {@code raw} with {@link IpAddress#parse}; {@link #UNKNOWN} if it is {@code null} or not an IP literal. */
    public static ClientAddress parse(@Nullable String raw) {
        IpAddress address = IpAddress.parse(raw);
        return address == null ? UNKNOWN : of(address);
    }

    private static String networkKey(IpAddress address, String ip) {
        if (!address.isV4()) {
            return Cidr.of(address, V6_NETWORK_BITS).toString();
        }
        return address.isPrivate() ? ip.substring(0, ip.lastIndexOf('.')) : ip;
    }
}
