package io.switchboard.core.network;

import static java.util.Objects.requireNonNull;

import io.switchboard.core.Nullable;

/**
 * A range of IP addresses written as {@code address/prefixLength}, such as {@code 10.0.0.0/8} or {@code fd00::/8}.
 * Host bits after the prefix are cleared, so {@code 10.1.2.3/8} equals {@code 10.0.0.0/8}.
 *
 * <p>Because {@link IpAddress} turns IPv4-mapped IPv6 addresses and {@code ::1} into IPv4, a CIDR written in those
 * forms is turned into IPv4 too when it can be: {@code ::ffff:10.0.0.0/104} becomes {@code 10.0.0.0/8} and {@code
 * ::1/128} becomes {@code 127.0.0.1/32}. Other IPv6 ranges are kept as written and never contain an IPv4 address.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Cidr {
    private static final int MAPPED_PREFIX_BITS = 96;

    /**
     * Parses {@code a.b.c.d/n} (n in 0..32), {@code ipv6/n} (n in 0..128), or a bare address, which means a single
     * address ({@code /32} or {@code /128}). Surrounding whitespace is ignored.
     *
     * @throws IllegalArgumentException if {@code text} is not in one of those forms
     */
    public static Cidr parse(String text) {
        requireNonNull(text, "text");
        String s = text.strip();
        int slash = s.lastIndexOf('/');
        byte[] raw = IpAddress.parseBytes(slash < 0 ? s : s.substring(0, slash));
        if (raw == null) {
            throw new IllegalArgumentException("cidr: " + text + " (expected: a.b.c.d/n or an IPv6 prefix/n)");
        }
        int maxBits = raw.length * 8;
        int bits = slash < 0 ? maxBits : Tokens.decimal(s.substring(slash + 1), 3);
        if (bits < 0 || bits > maxBits) {
            throw new IllegalArgumentException(
                    "cidr: " + text + " (expected: a prefix length of 0.." + maxBits + " after the '/')");
        }
        @Nullable Cidr asV4 = asV4(raw, bits);
        return asV4 != null ? asV4 : of(IpAddress.exactly(raw), bits);
    }

    /** A CIDR of {@code address} with its host bits cleared; {@code prefixLength} must fit the address family. */
    static Cidr of(IpAddress address, int prefixLength) {
        byte[] bytes = address.toBytes();
        if (prefixLength < 0 || prefixLength > bytes.length * 8) {
            throw new IllegalArgumentException(
                    "prefixLength: " + prefixLength + " (expected: 0.." + bytes.length * 8 + " for " + address + ")");
        }
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (bytes[i] & mask(i, prefixLength));
        }
        return new Cidr(IpAddress.exactly(bytes), prefixLength);
    }

    private final IpAddress network;
    private final int prefixLength;

    private Cidr(IpAddress network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /**
     * Whether {@code address} lies in this range. An IPv4 range never contains an IPv6 address and vice versa.
     */
    public boolean contains(IpAddress address) {
        requireNonNull(address, "address");
        if (address.isV4() != network.isV4()) {
            return false;
        }
        byte[] candidate = address.toBytes();
        byte[] base = network.toBytes();
        for (int i = 0; i < candidate.length; i++) {
            if ((candidate[i] & mask(i, prefixLength)) != (base[i] & 0xff)) {
                return false;
            }
        }
        return true;
    }

    /** The range in {@code address/prefixLength} form, with host bits cleared: {@code 10.0.0.0/8}. */
    @Override
    public String toString() {
        return network + "/" + prefixLength;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr other && prefixLength == other.prefixLength && network.equals(other.network);
    }

    @Override
    public int hashCode() {
        return network.hashCode() * 31 + prefixLength;
    }

    /** The IPv4 form of an IPv6 range that lies inside the addresses {@link IpAddress} normalises, else null. */
    private static @Nullable Cidr asV4(byte[] raw, int bits) {
        if (raw.length == 16 && IpAddress.isMappedV4(raw) && bits >= MAPPED_PREFIX_BITS) {
            return of(IpAddress.fromBytes(raw), bits - MAPPED_PREFIX_BITS);
        }
        if (raw.length == 16 && IpAddress.isV6Loopback(raw) && bits == 128) {
            return of(IpAddress.fromBytes(raw), 32);
        }
        return null;
    }

    /** The mask of byte {@code index} (0..255) for a prefix of {@code bits} bits. */
    private static int mask(int index, int bits) {
        int bitsInByte = Math.max(0, Math.min(8, bits - index * 8));
        return (0xff << (8 - bitsInByte)) & 0xff;
    }
}
