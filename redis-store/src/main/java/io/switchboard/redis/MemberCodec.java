package io.switchboard.redis;

import io.switchboard.core.id.NodeId;
import io.switchboard.core.id.SessionId;
import io.switchboard.core.message.Member;
import io.switchboard.core.network.ClientAddress;

/**
 * A {@link Member} as one Redis string: a version and address flag character, then id, node, name, ip and network
 * key, each as {@code <length>:<chars>}. Lengths make any character safe in a name; e.g. member {@code a} on node
 * {@code n1} named {@code Ann} at 10.0.0.1 is {@code 1p1:a2:n13:Ann8:10.0.0.16:10.0.0}.
 */
final class MemberCodec {
    private static final char VERSION = '1';
    private static final char PRIVATE = 'p';
    private static final char PUBLIC = 'u';

    private MemberCodec() {}

    static String encode(Member member) {
        ClientAddress address = member.address();
        StringBuilder out = new StringBuilder(64).append(VERSION).append(address.privateAddress() ? PRIVATE : PUBLIC);
        for (String field : new String[] {
            member.id().value(), member.node().value(), member.name(), address.ip(), address.networkKey()
        }) {
            out.append(field.length()).append(':').append(field);
        }
        return out.toString();
    }

    /** @throws IllegalStateException if {@code encoded} is not what {@link #encode} writes */
    static Member decode(String encoded) {
        if (encoded.length() < 2 || encoded.charAt(0) != VERSION) {
            throw malformed(encoded);
        }
        char flag = encoded.charAt(1);
        if (flag != PRIVATE && flag != PUBLIC) {
            throw malformed(encoded);
        }
        String[] fields = new String[5];
        int at = 2;
        for (int i = 0; i < fields.length; i++) {
            int colon = encoded.indexOf(':', at);
            if (colon <= at || colon - at > 9) {
                throw malformed(encoded);
            }
            int length = parseLength(encoded, at, colon);
            int end = colon + 1 + length;
            if (end > encoded.length()) {
                throw malformed(encoded);
            }
            fields[i] = encoded.substring(colon + 1, end);
            at = end;
        }
        if (at != encoded.length()) {
            throw malformed(encoded);
        }
        return new Member(
                new SessionId(fields[0]),
                new NodeId(fields[1]),
                fields[2],
                new ClientAddress(fields[3], fields[4], flag == PRIVATE));
    }

    private static int parseLength(String encoded, int from, int to) {
        int length = 0;
        for (int i = from; i < to; i++) {
            char c = encoded.charAt(i);
            if (c < '0' || c > '9') {
                throw malformed(encoded);
            }
            length = length * 10 + (c - '0');
        }
        return length;
    }

    private static IllegalStateException malformed(String encoded) {
        return new IllegalStateException("stored member: " + encoded + " (expected: what MemberCodec writes)");
    }
}
