package io.switchboard.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConnectionTypeTest {
    private static ConnectionType between(String a, String b) {
        return ConnectionType.between(ClientAddress.parse(a), ClientAddress.parse(b));
    }

    @Test
    void twoAddressesInOnePrivateSlash24AreLan() {
        assertEquals(ConnectionType.LAN, between("192.168.1.5", "192.168.1.200"));
    }

    @Test
    void privateAddressesInDifferentSlash24sAreWan() {
        assertEquals(ConnectionType.WAN, between("192.168.1.5", "192.168.2.5"));
    }

    @Test
    void samePublicIpv4OnBothSidesIsLan() {
        assertEquals(ConnectionType.LAN, between("203.0.113.7", "203.0.113.7"));
    }

    @Test
    void differentPublicIpv4InOneSlash24IsWan() {
        assertEquals(ConnectionType.WAN, between("203.0.113.7", "203.0.113.8"));
    }

    @Test
    void publicIpv6InOneSlash64IsLan() {
        assertEquals(ConnectionType.LAN, between("2001:db8:1:2::10", "2001:db8:1:2:abcd::20"));
    }

    @Test
    void publicIpv6InDifferentSlash64sIsWan() {
        assertEquals(ConnectionType.WAN, between("2001:db8:1:2::10", "2001:db8:1:3::10"));
    }

    @Test
    void mappedAndPlainIpv4OfOneHostAreLan() {
        assertEquals(ConnectionType.LAN, between("::ffff:8.8.8.8", "8.8.8.8"));
    }

    @Test
    void unknownAddressesAreNeverLan() {
        assertEquals(ConnectionType.WAN, between(null, null));
        assertEquals(ConnectionType.WAN, between("garbage", "junk"));
        assertEquals(ConnectionType.WAN, between(null, "192.168.1.5"));
    }

    @Test
    void wireNamesAreLowerCase() {
        assertEquals("lan", ConnectionType.LAN.wireName());
        assertEquals("wan", ConnectionType.WAN.wireName());
    }
}
