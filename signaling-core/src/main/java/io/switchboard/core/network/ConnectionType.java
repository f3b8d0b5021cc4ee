package io.switchboard.core.network;

import static java.util.Objects.requireNonNull;

/** Whether two peers are on the same network (so a direct WebRTC path is likely) or across the internet. */
public enum ConnectionType {
    /** Same address or same network key. */
    LAN("lan"),
    /** Different networks, or an unknown address on either side. */
    WAN("wan");

    private final String wireName;

    ConnectionType(String wireName) {
        this.wireName = wireName;
    }

    /**
     * {@link #LAN} if the two sessions have the same IP, or the same {@link ClientAddress#networkKey()}, and it is
     * not {@code "unknown"}; otherwise {@link #WAN}.
     */
    public static ConnectionType between(ClientAddress a, ClientAddress b) {
        requireNonNull(a, "a");
        requireNonNull(b, "b");
        boolean sameIp = a.ip().equals(b.ip()) && !a.ip().equals(ClientAddress.UNKNOWN_TEXT);
        boolean sameNetwork =
                a.networkKey().equals(b.networkKey()) && !a.networkKey().equals(ClientAddress.UNKNOWN_TEXT);
        return sameIp || sameNetwork ? LAN : WAN;
    }

    /** The name on the wire: {@code "lan"} or {@code "wan"}. */
    public String wireName() {
        return wireName;
    }
}
