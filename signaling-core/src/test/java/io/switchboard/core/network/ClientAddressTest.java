package io.switchboard.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientAddressTest {
    @Test
    void nullIsUnknown() {
        ClientAddress address = ClientAddress.parse(null);
        assertSame(ClientAddress.UNKNOWN, address);
        assertEquals("unknown", address.ip());
        assertEquals("unknown", address.networkKey());
        assertFalse(address.privateAddress());
    }

    @Test
    void garbageAndHostNamesAreUnknown() {
        assertSame(ClientAddress.UNKNOWN, ClientAddress.parse("garbage"));
        assertSame(ClientAddress.UNKNOWN, ClientAddress.parse("localhost"));
    }

    @Test
    void ipv4MappedIpv6IsNormalisedToDottedQuad() {
        assertEquals("192.168.1.1", ClientAddress.parse("::ffff:192.168.1.1").ip());
    }

    @Test
    void ipv6LoopbackIsNormalisedToIpv4Loopback() {
        ClientAddress address = ClientAddress.parse("::1");
        assertEquals("127.0.0.1", address.ip());
        assertTrue(address.privateAddress());
    }

    @ParameterizedTest
    @CsvSource({
        "192.168.1.77, 192.168.1, true",
        "10.1.2.3, 10.1.2, true",
        "172.16.5.4, 172.16.5, true",
        "8.8.8.8, 8.8.8.8, false",
        "172.32.0.1, 172.32.0.1, false",
        "2001:db8:1:2:aaaa::1, 2001:db8:1:2::/64, false",
        "fe80::1%eth0, fe80::/64, true",
        "fd00:1:2:3:4:5:6:7, fd00:1:2:3::/64, true"
    })
    void networkKeyAndPrivacyFollowTheAddressKind(String raw, String networkKey, boolean privateAddress) {
        ClientAddress address = ClientAddress.parse(raw);
        assertEquals(networkKey, address.networkKey());
        assertEquals(privateAddress, address.privateAddress());
    }

    @Test
    void ofUsesTheCanonicalAddressText() {
        IpAddress ip = IpAddress.parse("2001:0DB8:0000::0001");
        assertEquals(new ClientAddress("2001:db8::1", "2001:db8::/64", false), ClientAddress.of(ip));
    }
}
