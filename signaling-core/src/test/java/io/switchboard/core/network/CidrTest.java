package io.switchboard.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {
    private static IpAddress ip(String literal) {
        IpAddress address = IpAddress.parse(literal);
        assertNotNull(address, literal);
        return address;
    }

    @Test
    void ipv4RangeContainsItsAddressesOnly() {
        Cidr cidr = Cidr.parse("10.0.0.0/8");
        assertTrue(cidr.contains(ip("10.0.0.0")));
        assertTrue(cidr.contains(ip("10.255.255.255")));
        assertFalse(cidr.contains(ip("11.0.0.0")));
        assertFalse(cidr.contains(ip("9.255.255.255")));
    }

    @Test
    void prefixNotOnAByteBoundaryIsHonoured() {
        Cidr cidr = Cidr.parse("172.16.0.0/12");
        assertTrue(cidr.contains(ip("172.31.255.255")));
        assertFalse(cidr.contains(ip("172.32.0.1")));
        Cidr v6 = Cidr.parse("fe80::/10");
        assertTrue(v6.contains(ip("febf::1")));
        assertFalse(v6.contains(ip("fec0::1")));
    }

    @Test
    void bareAddressIsASingleAddressRange() {
        assertEquals("1.2.3.4/32", Cidr.parse("1.2.3.4").toString());
        assertEquals("2001:db8::1/128", Cidr.parse("2001:db8::1").toString());
        assertTrue(Cidr.parse("1.2.3.4").contains(ip("1.2.3.4")));
        assertFalse(Cidr.parse("1.2.3.4").contains(ip("1.2.3.5")));
    }

    @Test
    void zeroPrefixContainsTheWholeFamilyOnly() {
        assertTrue(Cidr.parse("0.0.0.0/0").contains(ip("8.8.8.8")));
        assertFalse(Cidr.parse("0.0.0.0/0").contains(ip("2001:db8::1")));
        assertTrue(Cidr.parse("::/0").contains(ip("2001:db8::1")));
        assertFalse(Cidr.parse("::/0").contains(ip("8.8.8.8")));
    }

    @Test
    void ipv4RangeNeverContainsIpv6AndViceVersa() {
        assertFalse(Cidr.parse("1.2.3.0/24").contains(ip("::102:304")));
        assertFalse(Cidr.parse("::102:300/120").contains(ip("1.2.3.4")));
    }

    @Test
    void hostBitsAreClearedSoEqualRangesAreEqual() {
        assertEquals("10.0.0.0/8", Cidr.parse("10.1.2.3/8").toString());
        assertEquals(Cidr.parse("10.0.0.0/8"), Cidr.parse(" 10.1.2.3/8 "));
        assertEquals(
                Cidr.parse("10.0.0.0/8").hashCode(), Cidr.parse("10.1.2.3/8").hashCode());
        assertNotEquals(Cidr.parse("10.0.0.0/8"), Cidr.parse("10.0.0.0/9"));
        assertEquals("2001:db8:1:2::/64", Cidr.parse("2001:db8:1:2:3:4:5:6/64").toString());
    }

    @Test
    void mappedAndLoopbackIpv6RangesBecomeIpv4LikeTheirAddresses() {
        assertEquals(Cidr.parse("10.0.0.0/8"), Cidr.parse("::ffff:10.0.0.0/104"));
        assertEquals(Cidr.parse("127.0.0.1/32"), Cidr.parse("::1/128"));
        assertTrue(Cidr.parse("::1").contains(ip("::1")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "/8",
                "10.0.0.0/",
                "10.0.0.0/33",
                "::/129",
                "10.0.0.0/-1",
                "10.0.0.0/+8",
                "10.0.0.0/8/8",
                "example.com/8",
                "10.0.0/8",
                "10.0.0.0/1000",
                "10.0.0.0/ 8"
            })
    void malformedRangesAreRejectedWithTheValueAndTheExpectation(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Cidr.parse(text));
        assertTrue(e.getMessage().startsWith("cidr: " + text + " (expected: "), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"192.168.1.0/24, 192.168.1.0/24", "fd00::/8, fd00::/8", "2001:DB8::/32, 2001:db8::/32"})
    void toStringIsAddressSlashPrefix(String text, String expected) {
        assertEquals(expected, Cidr.parse(text).toString());
    }
}
