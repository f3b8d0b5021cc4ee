package io.switchboard.core.network;

import static java.util.Objects.requireNonNull;

import io.switchboard.core.Nullable;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;

/**
 * An IPv4 or IPv6 address literal. It is never resolved through DNS: {@link #parse} is a hand-written parser that
 * accepts only address literals, so a hostile header cannot make the server look up a name.
 *
 * <p>Two addresses are normalised to IPv4 when they are created, so that one client always has one spelling: an
 * IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}, what a dual-stack socket reports for an IPv4 peer) becomes {@code
 * a.b.c.d}, and the IPv6 loopback {@code ::1} becomes {@code 127.0.0.1} (DropSilk's rule).
 *
 * <p>Instances are immutable and thread-safe; equality is by address bytes.
 */
public final class IpAddress {
    private static final int V4_BYTES = 4;
    private static final int V6_BYTES = 16;
    private static final int MAPPED_PREFIX_BYTES = 12;

    /**
     * Parses an IPv4 dotted quad or an IPv6 address in any textual form: full, compressed with {@code ::}, with an
     * embedded IPv4 tail ({@code ::ffff:1.2.3.4}), with a zone id ({@code fe80::1%eth0}, the zone is dropped), or in
     * brackets ({@code [::1]}). Surrounding whitespace is ignored. IPv4 octets are decimal 0..255; leading zeros
     * ({@code 010}) are rejected because other parsers read them as octal.
     *
     * @return the address, or {@code null} if {@code literal} is {@code null} or not an IP literal (host names
     *     included)
     */
    public static @Nullable IpAddress parse(@Nullable String literal) {
        byte @Nullable [] raw = parseBytes(literal);
        return raw == null ? null : fromBytes(raw);
    }

    /** Wraps a resolved JDK address, applying the same IPv4 normalisation as {@link #parse}. */
    public static IpAddress of(InetAddress address) {
        requireNonNull(address, "address");
        return fromBytes(address.getAddress());
    }

    /** Parses without normalising: 4 or 16 bytes exactly as written, or {@code null}. */
    static byte @Nullable [] parseBytes(@Nullable String literal) {
        if (literal == null) {
            return null;
        }
        String s = literal.strip();
        if (s.length() > 2 && s.charAt(0) == '[' && s.charAt(s.length() - 1) == ']') {
            s = s.substring(1, s.length() - 1);
            if (s.indexOf(':') < 0) {
                return null; // brackets are for IPv6 only
            }
        }
        if (s.indexOf(':') < 0) {
            byte[] v4 = new byte[V4_BYTES];
            return parseV4(s, v4, 0) ? v4 : null;
        }
        int zone = s.indexOf('%');
        if (zone >= 0) {
            if (zone == s.length() - 1) {
                return null;
            }
            s = s.substring(0, zone);
        }
        return Ipv6Parser.parse(s);
    }

    /** Creates an address from 4 or 16 bytes (copied), normalising mapped IPv4 and {@code ::1} to IPv4. */
    static IpAddress fromBytes(byte[] raw) {
        if (raw.length == V6_BYTES && isMappedV4(raw)) {
            return new IpAddress(Arrays.copyOfRange(raw, MAPPED_PREFIX_BYTES, V6_BYTES));
        }
        if (raw.length == V6_BYTES && isV6Loopback(raw)) {
            return new IpAddress(new byte[] {127, 0, 0, 1});
        }
        return exactly(raw);
    }

    /** Creates an address from 4 or 16 bytes (copied) without any normalisation. */
    static IpAddress exactly(byte[] raw) {
        if (raw.length != V4_BYTES && raw.length != V6_BYTES) {
            throw new IllegalArgumentException("address: " + raw.length + " bytes (expected: 4 or 16)");
        }
        return new IpAddress(raw.clone());
    }

    private final byte[] bytes;
    private final String text;

    private IpAddress(byte[] bytes) {
        this.bytes = bytes;
        this.text = bytes.length == V4_BYTES ? formatV4(bytes) : formatV6(bytes);
    }

    /** Whether this is an IPv4 address (4 bytes) rather than IPv6 (16 bytes). */
    public boolean isV4() {
        return bytes.length == V4_BYTES;
    }

    /** A fresh copy of the address bytes in network order: 4 for IPv4, 16 for IPv6. */
    public byte[] toBytes() {
        return bytes.clone();
    }

    /**
     * Whether the address is in a private, loopback, link-local or shared range: IPv4 {@code 10/8}, {@code
     * 172.16/12}, {@code 192.168/16}, {@code 127/8}, {@code 169.254/16}, {@code 100.64/10} (carrier-grade NAT); IPv6
     * {@code fc00::/7} (unique local) and {@code fe80::/10} (link local).
     */
    public boolean isPrivate() {
        int a = bytes[0] & 0xff;
        int b = bytes[1] & 0xff;
        if (!isV4()) {
            return (a & 0xfe) == 0xfc || (a == 0xfe && (b & 0xc0) == 0x80);
        }
        return a == 10
                || a == 127
                || (a == 172 && (b & 0xf0) == 16)
                || (a == 192 && b == 168)
                || (a == 169 && b == 254)
                || (a == 100 && (b & 0xc0) == 64);
    }

    /** The dotted quad for IPv4; for IPv6 the RFC 5952 canonical form (lower case, longest zero run as {@code ::}). */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpAddress other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    static boolean isMappedV4(byte[] raw) {
        for (int i = 0; i < 10; i++) {
            if (raw[i] != 0) {
                return false;
            }
        }
        return raw[10] == (byte) 0xff && raw[11] == (byte) 0xff;
    }

    static boolean isV6Loopback(byte[] raw) {
        for (int i = 0; i < V6_BYTES - 1; i++) {
            if (raw[i] != 0) {
                return false;
            }
        }
        return raw[V6_BYTES - 1] == 1;
    }

    /** Parses a dotted quad into {@code out[offset..offset+3]}; decimal octets 0..255 without leading zeros. */
    static boolean parseV4(String s, byte[] out, int offset) {
        List<String> octets = Tokens.split(s, '.');
        if (octets.size() != V4_BYTES) {
            return false;
        }
        for (int i = 0; i < V4_BYTES; i++) {
            String octet = octets.get(i);
            int value = Tokens.decimal(octet, 3);
            if (value < 0 || value > 255 || (octet.length() > 1 && octet.charAt(0) == '0')) {
                return false;
            }
            out[offset + i] = (byte) value;
        }
        return true;
    }

    private static String formatV4(byte[] b) {
        return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
    }

    private static String formatV6(byte[] b) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        // RFC 5952 4.2: compress the longest run of two or more zero groups, the first one on a tie.
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
            } else {
                if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                    sb.append(':');
                }
                sb.append(Integer.toHexString(groups[i]));
            }
        }
        return sb.toString();
    }
}
