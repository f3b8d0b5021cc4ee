package io.switchboard.server.bench;

import java.util.Locale;

/**
 * The relayed signal: a realistic ICE candidate (about 200 B), SDP offer (about 3 KB) or SDP answer (the session
 * scenario's; the offer's lines under {@code "type":"answer"}, so the same size). Each copy carries its
 * sequence number and send time ({@link System#nanoTime}) in the fields {@code benchSeq} and {@code benchSentNs} of
 * the candidate or session description object, which the servers relay untouched.
 */
enum Payload {
    /** An ICE candidate as a browser's {@code RTCIceCandidate.toJSON()}. */
    CANDIDATE("candidate", "ice-candidate", "candidate"),
    /** An audio and video SDP offer as a browser's {@code RTCSessionDescription}. */
    OFFER("sdp", "offer", "offer"),
    /** The answer to the offer, as a browser's {@code RTCSessionDescription}. */
    ANSWER("sdp", "answer", "answer");

    private static final String CANDIDATE_HEAD = "{\"candidate\":\"candidate:842163049 1 udp 1677729535 203.0.113.7 "
            + "53426 typ srflx raddr 192.168.1.5 rport 53426 generation 0 ufrag abcd network-cost 999\","
            + "\"sdpMid\":\"0\",\"sdpMLineIndex\":0,\"usernameFragment\":\"abcd\",";
    private static final String OFFER_HEAD = "{\"type\":\"offer\",\"sdp\":\"" + Sdp.OFFER + "\",";
    private static final String ANSWER_HEAD = "{\"type\":\"answer\",\"sdp\":\"" + Sdp.OFFER + "\",";

    private final String dropSilkKey;
    private final String privyDropEvent;
    private final String privyDropField;

    Payload(String dropSilkKey, String privyDropEvent, String privyDropField) {
        this.dropSilkKey = dropSilkKey;
        this.privyDropEvent = privyDropEvent;
        this.privyDropField = privyDropField;
    }

    /** Parses the option value, case-insensitively. */
    static Payload of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** The key of the object inside DropSilk's {@code signal.data}: {@code candidate} or {@code sdp}. */
    String dropSilkKey() {
        return dropSilkKey;
    }

    /** The PrivyDrop event that relays it: {@code ice-candidate} or {@code offer}. */
    String privyDropEvent() {
        return privyDropEvent;
    }

    /** The field of the PrivyDrop event that holds it: {@code candidate} or {@code offer}. */
    String privyDropField() {
        return privyDropField;
    }

    /** Appends the JSON object with {@code seq} and {@code sentNanos} to {@code out}. */
    StringBuilder appendObject(StringBuilder out, long seq, long sentNanos) {
        String head =
                switch (this) {
                    case CANDIDATE -> CANDIDATE_HEAD;
                    case OFFER -> OFFER_HEAD;
                    case ANSWER -> ANSWER_HEAD;
                };
        return out.append(head)
                .append("\"benchSeq\":")
                .append(seq)
                .append(",\"benchSentNs\":")
                .append(sentNanos)
                .append('}');
    }
}
