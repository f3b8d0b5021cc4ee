package io.switchboard.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {
    private static final TrustedProxies TEN_SLASH_EIGHT = TrustedProxies.of(List.of(Cidr.parse("10.0.0.0/8")));

    private static IpAddress ip(String literal) {
        IpAddress address = IpAddress.parse(literal);
        assertNotNull(address, literal);
        return address;
    }

    private static String client(String peer, String... headerLines) {
        return TEN_SLASH_EIGHT.clientAddress(ip(peer), List.of(headerLines)).toString();
    }

    @Test
    void rightMostUntrustedEntryIsTheClient() {
        assertEquals("1.2.3.4", client("10.0.0.1", "1.2.3.4, 10.0.0.2"));
    }

    @Test
    void headerFromUntrustedPeerIsIgnored() {
        assertEquals("8.8.8.8", client("8.8.8.8", "1.2.3.4"));
        assertEquals("8.8.8.8", client("8.8.8.8", "1.2.3.4, 10.0.0.2"));
        assertEquals("8.8.8.8", client("8.8.8.8", "garbage"));
    }

    @Test
    void spoofedEntriesLeftOfTheClientAreNeverReached() {
        assertEquals("5.6.7.8", client("10.0.0.1", "spoofed, 5.6.7.8"));
        assertEquals("5.6.7.8", client("10.0.0.1", "9.9.9.9, 5.6.7.8"));
    }

    @Test
    void garbageFromTrustedPeerYieldsThePeer() {
        assertEquals("10.0.0.1", client("10.0.0.1", "garbage"));
        assertEquals("10.0.0.1", client("10.0.0.1", ""));
        assertEquals("10.0.0.1", client("10.0.0.1", "1.2.3.4, "));
        assertEquals("10.0.0.1", client("10.0.0.1", "1.2.3.4:5678"));
    }

    @Test
    void garbageBehindATrustedProxyYieldsThatProxy() {
        assertEquals("10.0.0.2", client("10.0.0.1", "1.2.3.4, garbage, 10.0.0.2"));
    }

    @Test
    void allEntriesTrustedYieldsTheLeftMost() {
        assertEquals("10.0.0.3", client("10.0.0.1", "10.0.0.3, 10.0.0.2"));
    }

    @Test
    void noHeaderYieldsThePeer() {
        assertEquals("10.0.0.1", client("10.0.0.1"));
    }

    @Test
    void multipleHeaderLinesAreConcatenatedInOrder() {
        assertEquals("1.2.3.4", client("10.0.0.1", "9.9.9.9, 1.2.3.4", "10.0.0.3", "10.0.0.2"));
        assertEquals("5.6.7.8", client("10.0.0.1", "1.2.3.4", "5.6.7.8, 10.0.0.2"));
    }

    @Test
    void entriesAreTrimmedAndMayBeIpv6() {
        assertEquals("2001:db8::1", client("10.0.0.1", "  [2001:DB8::1] ,10.0.0.2  "));
        assertEquals("192.168.1.1", client("10.0.0.1", "::ffff:192.168.1.1"));
    }

    @Test
    void noneTrustsNobody() {
        assertFalse(TrustedProxies.NONE.isTrusted(ip("10.0.0.1")));
        assertEquals(ip("10.0.0.1"), TrustedProxies.NONE.clientAddress(ip("10.0.0.1"), List.of("1.2.3.4")));
        assertSame(TrustedProxies.NONE, TrustedProxies.of(List.of()));
        assertTrue(TrustedProxies.NONE.cidrs().isEmpty());
    }

    @Test
    void cidrListIsCopiedAndUnmodifiable() {
        List<Cidr> cidrs = new ArrayList<>(List.of(Cidr.parse("10.0.0.0/8")));
        TrustedProxies proxies = TrustedProxies.of(cidrs);
        cidrs.add(Cidr.parse("1.2.3.4"));
        assertEquals(List.of(Cidr.parse("10.0.0.0/8")), proxies.cidrs());
        assertFalse(proxies.isTrusted(ip("1.2.3.4")));
        assertThrows(UnsupportedOperationException.class, () -> proxies.cidrs().add(Cidr.parse("1.2.3.4")));
    }

    @Test
    void severalRangesAreEachTrusted() {
        TrustedProxies proxies = TrustedProxies.of(List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("fd00::/8")));
        assertTrue(proxies.isTrusted(ip("10.1.1.1")));
        assertTrue(proxies.isTrusted(ip("fd00::5")));
        assertEquals(ip("1.2.3.4"), proxies.clientAddress(ip("fd00::5"), List.of("1.2.3.4, 10.0.0.9")));
    }
}
