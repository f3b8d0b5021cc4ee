package io.switchboard.benchmarks;

import java.nio.charset.StandardCharsets;

/**
 * Realistic signaling payloads, built once per trial: a Chrome-style audio+video SDP offer of about 3 KB and an ICE
 * candidate of about 200 B, as JSON values and wrapped in each dialect's envelope (PROTOCOLS.md §1.4, §2.5).
 */
final class Payloads {
    /** The sender's and the target's 20-character Socket.IO ids in PrivyDrop frames. */
    static final String PRIVY_TARGET = "xgACY6QcQCojsOQaAAAB";

    private static final String[] SDP_LINES = {
        "v=0",
        "o=- 4611731400430051336 2 IN IP4 127.0.0.1",
        "s=-",
        "t=0 0",
        "a=group:BUNDLE 0 1 2",
        "a=extmap-allow-mixed",
        "a=msid-semantic: WMS 5a9c8f2e-3b1d-4f6a-9e7c-2d8b1a0f4c3e",
        "m=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126",
        "c=IN IP4 0.0.0.0",
        "a=rtcp:9 IN IP4 0.0.0.0",
        "a=ice-ufrag:sG4x",
        "a=ice-pwd:Ykq2Jm3f9yBv8rZt1LwN0pQe",
        "a=ice-options:trickle",
        "a=fingerprint:sha-256 7B:8B:F0:65:5F:78:E2:51:3B:AC:6F:F3:3F:46:1B:35:DC:B8:5F:64:1A:24:C2:43:"
                + "F0:A1:58:D0:A1:2C:19:08",
        "a=setup:actpass",
        "a=mid:0",
        "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level",
        "a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time",
        "a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01",
        "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid",
        "a=sendrecv",
        "a=msid:5a9c8f2e-3b1d-4f6a-9e7c-2d8b1a0f4c3e 0c7d1e2f-4a5b-6c7d-8e9f-a0b1c2d3e4f5",
        "a=rtcp-mux",
        "a=rtpmap:111 opus/48000/2",
        "a=rtcp-fb:111 transport-cc",
        "a=fmtp:111 minptime=10;useinbandfec=1",
        "a=rtpmap:63 red/48000/2",
        "a=fmtp:63 111/111",
        "a=rtpmap:9 G722/8000",
        "a=rtpmap:0 PCMU/8000",
        "a=rtpmap:8 PCMA/8000",
        "a=rtpmap:13 CN/8000",
        "a=rtpmap:110 telephone-event/48000",
        "a=rtpmap:126 telephone-event/8000",
        "a=ssrc:3735928559 cname:Qk9+2Zr1aXc7uVbT",
        "a=ssrc:3735928559 msid:5a9c8f2e-3b1d-4f6a-9e7c-2d8b1a0f4c3e 0c7d1e2f-4a5b-6c7d-8e9f-a0b1c2d3e4f5",
        "m=video 9 UDP/TLS/RTP/SAVPF 96 97 102 103 104 105 106 107 108 109 127 125 39 40 45 46 98 99 100 101",
        "c=IN IP4 0.0.0.0",
        "a=rtcp:9 IN IP4 0.0.0.0",
        "a=ice-ufrag:sG4x",
        "a=ice-pwd:Ykq2Jm3f9yBv8rZt1LwN0pQe",
        "a=ice-options:trickle",
        "a=fingerprint:sha-256 7B:8B:F0:65:5F:78:E2:51:3B:AC:6F:F3:3F:46:1B:35:DC:B8:5F:64:1A:24:C2:43:"
                + "F0:A1:58:D0:A1:2C:19:08",
        "a=setup:actpass",
        "a=mid:1",
        "a=extmap:14 urn:ietf:params:rtp-hdrext:toffset",
        "a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time",
        "a=extmap:13 urn:3gpp:video-orientation",
        "a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01",
        "a=extmap:5 http://www.webrtc.org/experiments/rtp-hdrext/playout-delay",
        "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid",
        "a=sendrecv",
        "a=msid:5a9c8f2e-3b1d-4f6a-9e7c-2d8b1a0f4c3e 9f8e7d6c-5b4a-3928-1706-f5e4d3c2b1a0",
        "a=rtcp-mux",
        "a=rtcp-rsize",
        "a=rtpmap:96 VP8/90000",
        "a=rtcp-fb:96 goog-remb",
        "a=rtcp-fb:96 transport-cc",
        "a=rtcp-fb:96 ccm fir",
        "a=rtcp-fb:96 nack",
        "a=rtcp-fb:96 nack pli",
        "a=rtpmap:97 rtx/90000",
        "a=fmtp:97 apt=96",
        "a=rtpmap:102 H264/90000",
        "a=rtcp-fb:102 transport-cc",
        "a=rtcp-fb:102 nack pli",
        "a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f",
        "a=rtpmap:103 rtx/90000",
        "a=fmtp:103 apt=102",
        "a=rtpmap:104 H264/90000",
        "a=fmtp:104 level-asymmetry-allowed=1;packetization-mode=0;profile-level-id=42001f",
        "a=rtpmap:98 VP9/90000",
        "a=fmtp:98 profile-id=0",
        "a=rtpmap:45 AV1/90000",
        "a=fmtp:45 level-idx=5;profile=0;tier=0",
        "a=ssrc-group:FID 2882400001 2882400002",
        "a=ssrc:2882400001 cname:Qk9+2Zr1aXc7uVbT",
        "a=ssrc:2882400002 cname:Qk9+2Zr1aXc7uVbT",
        "m=application 9 UDP/DTLS/SCTP webrtc-datachannel",
        "c=IN IP4 0.0.0.0",
        "a=ice-ufrag:sG4x",
        "a=ice-pwd:Ykq2Jm3f9yBv8rZt1LwN0pQe",
        "a=ice-options:trickle",
        "a=fingerprint:sha-256 7B:8B:F0:65:5F:78:E2:51:3B:AC:6F:F3:3F:46:1B:35:DC:B8:5F:64:1A:24:C2:43:"
                + "F0:A1:58:D0:A1:2C:19:08",
        "a=setup:actpass",
        "a=mid:2",
        "a=sctp-port:5000",
        "a=max-message-size:262144",
    };

    private Payloads() {}

    /** The SDP text of the offer, lines ended by CRLF as browsers write them. */
    static String sdp() {
        return String.join("\r\n", SDP_LINES) + "\r\n";
    }

    /** The offer as the browser's RTCSessionDescription JSON: {@code {"type":"offer","sdp":"..."}}. */
    static String offerJson() {
        return "{\"type\":\"offer\",\"sdp\":\"" + sdp().replace("\r", "\\r").replace("\n", "\\n") + "\"}";
    }

    /** An RTCIceCandidate JSON of about 200 bytes (a server-reflexive candidate). */
    static String candidateJson() {
        return "{\"candidate\":\"candidate:842163049 1 udp 1677729535 203.0.113.7 46154 typ srflx raddr 192.168.1.20"
                + " rport 46154 generation 0 ufrag sG4x network-cost 999\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0,"
                + "\"usernameFragment\":\"sG4x\"}";
    }

    /** DropSilk's {@code data} of a signal carrying the offer: {@code {"sdp":{...}}}. */
    static String dropSilkOfferData() {
        return "{\"sdp\":" + offerJson() + "}";
    }

    /** DropSilk's {@code data} of a signal carrying the candidate: {@code {"candidate":{...}}}. */
    static String dropSilkCandidateData() {
        return "{\"candidate\":" + candidateJson() + "}";
    }

    /** A whole DropSilk {@code signal} frame around {@code data}. */
    static byte[] dropSilkSignal(String data) {
        return utf8("{\"type\":\"signal\",\"data\":" + data + "}");
    }

    /** A whole PrivyDrop {@code offer} event array, as the page emits it. */
    static byte[] privyOffer() {
        return utf8("[\"offer\",{\"peerId\":\"" + PRIVY_TARGET + "\",\"offer\":" + offerJson()
                + ",\"from\":\"Zb1Rk9xQw2Ls7NpTAAAD\",\"roomId\":\"4821\"}]");
    }

    /** A whole PrivyDrop {@code ice-candidate} event array, as the page emits it. */
    static byte[] privyCandidate() {
        return utf8("[\"ice-candidate\",{\"peerId\":\"" + PRIVY_TARGET + "\",\"candidate\":" + candidateJson()
                + ",\"from\":\"Zb1Rk9xQw2Ls7NpTAAAD\"}]");
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
