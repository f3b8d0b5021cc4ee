package io.switchboard.core.network;

import io.switchboard.core.Nullable;
import java.util.List;

/** The IPv6 half of {@link IpAddress#parse}: groups of hex digits, at most one {@code ::}, an optional IPv4 tail. */
final class Ipv6Parser {
    private static final int GROUPS = 8;

    private Ipv6Parser() {}

    /** Parses an IPv6 literal (zone and brackets already removed) into 16 bytes, or returns {@code null}. */
    static byte @Nullable [] parse(String s) {
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
            return null; // ":::" and "1::2::3"
        }
        String head = gap < 0 ? s : s.substring(0, gap);
        String tail = gap < 0 ? "" : s.substring(gap + 2);
        int[] headGroups = groups(head, gap < 0);
        int[] tailGroups = groups(tail, true);
        if (headGroups == null || tailGroups == null) {
            return null;
        }
        int count = headGroups.length + tailGroups.length;
        // "::" stands for at least one zero group, so with it there is room for at most seven written groups.
        if (gap < 0 ? count != GROUPS : count > GROUPS - 1) {
            return null;
        }
        byte[] out = new byte[16];
        put(headGroups, out, 0);
        put(tailGroups, out, GROUPS - tailGroups.length);
        return out;
    }

    /** Parses colon-separated groups; the last may be a dotted quad (two groups) if {@code mayEndInV4}. */
    private static int @Nullable [] groups(String part, boolean mayEndInV4) {
        if (part.isEmpty()) {
            return new int[0];
        }
        List<String> fields = Tokens.split(part, ':');
        int last = fields.size() - 1;
        boolean v4Tail = mayEndInV4 && fields.get(last).indexOf('.') >= 0;
        int[] groups = new int[fields.size() + (v4Tail ? 1 : 0)];
        if (groups.length > GROUPS) {
            return null;
        }
        for (int i = 0; i < fields.size(); i++) {
            if (i == last && v4Tail) {
                byte[] quad = new byte[4];
                if (!IpAddress.parseV4(fields.get(i), quad, 0)) {
                    return null;
                }
                groups[i] = ((quad[0] & 0xff) << 8) | (quad[1] & 0xff);
                groups[i + 1] = ((quad[2] & 0xff) << 8) | (quad[3] & 0xff);
            } else {
                groups[i] = hexGroup(fields.get(i));
                if (groups[i] < 0) {
                    return null;
                }
            }
        }
        return groups;
    }

    /** Parses 1..4 ASCII hex digits, or returns -1. */
    private static int hexGroup(String field) {
        if (field.isEmpty() || field.length() > 4) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < field.length(); i++) {
            int digit = hexDigit(field.charAt(i));
            if (digit < 0) {
                return -1;
            }
            value = (value << 4) | digit;
        }
        return value;
    }

    /** ASCII only: {@link Character#digit} would also accept non-ASCII digits. */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static void put(int[] groups, byte[] out, int firstGroup) {
        for (int i = 0; i < groups.length; i++) {
            out[2 * (firstGroup + i)] = (byte) (groups[i] >>> 8);
            out[2 * (firstGroup + i) + 1] = (byte) groups[i];
        }
    }
}
