package io.switchboard.core.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressTest {
    private static IpAddress ip(String literal) {
        IpAddress address = IpAddress.parse(literal);
        assertNotNull(address, literal);
        return address;
    }

    @Test
    void ipv4MappedIpv6IsNormalisedToDottedQuad() {
        IpAddress address = ip("::ffff:192.168.1.1");
        assertTrue(address.isV4());
        assertEquals("192.168.1.1", address.toString());
        assertEquals(ip("192.168.1.1"), address);
    }

    @Test
    void ipv4MappedIpv6InHexIsNormalisedToDottedQuad() {
        assertEquals("192.168.1.1", ip("0:0:0:0:0:FFFF:c0a8:0101").toString());
    }

    @Test
    void ipv6LoopbackIsNormalisedToIpv4Loopback() {
        assertEquals("127.0.0.1", ip("::1").toString());
        assertEquals("127.0.0.1", ip("0:0:0:0:0:0:0:1").toString());
    }

    @Test
    void nullAndEmptyDoNotParse() {
        assertNull(IpAddress.parse(null));
        assertNull(IpAddress.parse(""));
        assertNull(IpAddress.parse("   "));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "localhost",
                "example.com",
                "1.2.3",
                "1.2.3.256",
                "1.2.3.4.5",
                "1..3.4",
                "1.2.3.",
                "+1.2.3.4",
                "-1.2.3.4",
                "01.2.3.4",
                "1.2.3.4/8",
                "1.2.3.4:80",
                "0x7f.0.0.1",
                "2130706433",
                "\uff11.2.3.4",
                "[1.2.3.4]",
                ":::",
                "1::2::3",
                ":",
                ":1::",
                "::1:",
                "1:2:3:4:5:6:7:8:9",
                "1:2:3:4:5:6:7",
                "1:2:3:4:5:6:7::8",
                "1:2:3:4::5:6:7:8",
                "12345::",
                "g::",
                "::ffff:1.2.3",
                "::1.2.3.4:5",
                "1.2.3.4::",
                "fe80::1%",
                "[::1",
                "::1]",
                "[]",
                "[::1]:443"
            })
    void nonLiteralsDoNotParse(String text) {
        assertNull(IpAddress.parse(text), text);
    }

    @ParameterizedTest
    @CsvSource({
        "0.0.0.0, 0.0.0.0",
        "255.255.255.255, 255.255.255.255",
        "' 8.8.8.8 ', 8.8.8.8",
        "::, ::",
        "[::1], 127.0.0.1",
        "fe80::1%eth0, fe80::1",
        "[fe80::1%25eth0], fe80::1",
        "2001:DB8::1, 2001:db8::1",
        "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
        "1:2:3:4:5:6:7::, 1:2:3:4:5:6:7:0",
        "::2:3:4:5:6:7:8, 0:2:3:4:5:6:7:8",
        "64:ff9b::1.2.3.4, 64:ff9b::102:304",
        "::1.2.3.4, ::102:304",
        "1:2:3:4:5:6:1.2.3.4, 1:2:3:4:5:6:102:304",
        "fe80:0:0:1::, fe80:0:0:1::"
    })
    void literalsParseToCanonicalText(String text, String canonical) {
        assertEquals(canonical, ip(text).toString());
    }

    @Test
    void toBytesReturnsACopyOfFourOrSixteenBytes() {
        IpAddress v4 = ip("1.2.3.4");
        byte[] bytes = v4.toBytes();
        assertArrayEquals(new byte[] {1, 2, 3, 4}, bytes);
        bytes[0] = 9;
        assertEquals("1.2.3.4", v4.toString());
        assertEquals(16, ip("2001:db8::1").toBytes().length);
        assertFalse(ip("2001:db8::1").isV4());
    }

    @Test
    void equalityIsByAddressBytes() {
        assertEquals(ip("2001:db8::1"), ip("2001:0DB8:0:0:0:0:0:1"));
        assertEquals(ip("2001:db8::1").hashCode(), ip("2001:0DB8:0:0:0:0:0:1").hashCode());
        assertNotEquals(ip("1.2.3.4"), ip("1.2.3.5"));
        assertNotEquals(ip("::1.2.3.4"), ip("1.2.3.4"));
    }

    @Test
    void ofInetAddressNormalisesLikeParse() throws UnknownHostException {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 10, 0, 0, 7};
        // getByAddress never does a lookup; a 16-byte mapped array comes back as an Inet4Address already.
        assertEquals(ip("10.0.0.7"), IpAddress.of(InetAddress.getByAddress(mapped)));
        byte[] loopback = new byte[16];
        loopback[15] = 1;
        assertEquals(
                "127.0.0.1", IpAddress.of(InetAddress.getByAddress(loopback)).toString());
        assertEquals(
                "2001:db8::1",
                IpAddress.of(InetAddress.getByAddress(ip("2001:db8::1").toBytes()))
                        .toString());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "192.168.0.1",
                "192.168.255.255",
                "10.0.0.1",
                "10.255.255.255",
                "172.16.0.1",
                "172.31.255.255",
                "127.0.0.1",
                "127.1.2.3",
                "169.254.1.1",
                "100.64.0.1",
                "100.127.255.255",
                "::1",
                "fc00::1",
                "fd12:3456::1",
                "fe80::1",
                "febf::1"
            })
    void privateLoopbackAndLinkLocalAddressesArePrivate(String text) {
        assertTrue(ip(text).isPrivate(), text);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "8.8.8.8",
                "172.32.0.1",
                "172.15.255.255",
                "192.169.0.1",
                "11.0.0.1",
                "100.128.0.1",
                "100.63.255.255",
                "169.253.0.1",
                "2001:db8::1",
                "2606:4700::1111",
                "fec0::1",
                "fbff::1",
                "::"
            })
    void publicAddressesAreNotPrivate(String text) {
        assertFalse(ip(text).isPrivate(), text);
    }
}
