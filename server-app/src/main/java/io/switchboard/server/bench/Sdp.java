package io.switchboard.server.bench;

/** A browser's audio, video and data channel offer, about 3 KB, JSON-escaped (CRLF as {@code \r\n}). */
final class Sdp {
    /** The offer's text with each CRLF written as the JSON escape {@code \r\n}. */
    static final String OFFER = String.join(
            "\\r\\n",
            """
            v=0
            o=- 4611731400430051336 2 IN IP4 127.0.0.1
            s=-
            t=0 0
            a=group:BUNDLE 0 1 2
            a=extmap-allow-mixed
            a=msid-semantic: WMS 3f8c2a1e-6b0d-4c57-9a3e-1d2b7c9e5f40
            m=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126
            c=IN IP4 0.0.0.0
            a=rtcp:9 IN IP4 0.0.0.0
            a=ice-ufrag:abcd
            a=ice-pwd:0123456789abcdefghijklmn
            a=ice-options:trickle
            a=fingerprint:sha-256 7B:8B:F0:65:5F:78:E2:51:3B:AC:6F:F3:3F:46:1B:35:DC:B8:5F:64:1A:24:C2:43:F0:A1:58:D0:A1:2C:19:08
            a=setup:actpass
            a=mid:0
            a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level
            a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time
            a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01
            a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid
            a=sendrecv
            a=msid:3f8c2a1e-6b0d-4c57-9a3e-1d2b7c9e5f40 9e1c7d2a-5b3f-4e80-a6c1-2d4f8b0e7a93
            a=rtcp-mux
            a=rtpmap:111 opus/48000/2
            a=rtcp-fb:111 transport-cc
            a=fmtp:111 minptime=10;useinbandfec=1
            a=rtpmap:63 red/48000/2
            a=fmtp:63 111/111
            a=rtpmap:9 G722/8000
            a=rtpmap:0 PCMU/8000
            a=rtpmap:8 PCMA/8000
            a=rtpmap:13 CN/8000
            a=rtpmap:110 telephone-event/48000
            a=rtpmap:126 telephone-event/8000
            a=ssrc:1001766462 cname:Hq4bqXqGz5sQm0lV
            a=ssrc:1001766462 msid:3f8c2a1e-6b0d-4c57-9a3e-1d2b7c9e5f40 9e1c7d2a-5b3f-4e80-a6c1-2d4f8b0e7a93
            m=video 9 UDP/TLS/RTP/SAVPF 96 97 102 103 104 105 106 107 108 109 127 125
            c=IN IP4 0.0.0.0
            a=rtcp:9 IN IP4 0.0.0.0
            a=ice-ufrag:abcd
            a=ice-pwd:0123456789abcdefghijklmn
            a=ice-options:trickle
            a=fingerprint:sha-256 7B:8B:F0:65:5F:78:E2:51:3B:AC:6F:F3:3F:46:1B:35:DC:B8:5F:64:1A:24:C2:43:F0:A1:58:D0:A1:2C:19:08
            a=setup:actpass
            a=mid:1
            a=extmap:14 urn:ietf:params:rtp-hdrext:toffset
            a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time
            a=extmap:13 urn:3gpp:video-orientation
            a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01
            a=extmap:5 http://www.webrtc.org/experiments/rtp-hdrext/playout-delay
            a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid
            a=sendrecv
            a=msid:3f8c2a1e-6b0d-4c57-9a3e-1d2b7c9e5f40 c4b1a8e2-7d3f-4a90-b5e6-0f2c9d8a1b37
            a=rtcp-mux
            a=rtcp-rsize
            a=rtpmap:96 VP8/90000
            a=rtcp-fb:96 goog-remb
            a=rtcp-fb:96 transport-cc
            a=rtcp-fb:96 ccm fir
            a=rtcp-fb:96 nack
            a=rtcp-fb:96 nack pli
            a=rtpmap:97 rtx/90000
            a=fmtp:97 apt=96
            a=rtpmap:102 H264/90000
            a=rtcp-fb:102 goog-remb
            a=rtcp-fb:102 transport-cc
            a=rtcp-fb:102 ccm fir
            a=rtcp-fb:102 nack
            a=rtcp-fb:102 nack pli
            a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f
            a=rtpmap:103 rtx/90000
            a=fmtp:103 apt=102
            a=rtpmap:104 H264/90000
            a=fmtp:104 level-asymmetry-allowed=1;packetization-mode=0;profile-level-id=42001f
            a=rtpmap:105 rtx/90000
            a=fmtp:105 apt=104
            a=rtpmap:106 VP9/90000
            a=rtcp-fb:106 goog-remb
            a=rtcp-fb:106 transport-cc
            a=fmtp:106 profile-id=0
            a=rtpmap:107 rtx/90000
            a=fmtp:107 apt=106
            a=rtpmap:108 AV1/90000
            a=rtcp-fb:108 transport-cc
            a=rtpmap:109 rtx/90000
            a=fmtp:109 apt=108
            a=rtpmap:127 red/90000
            a=rtpmap:125 ulpfec/90000
            a=ssrc-group:FID 2231627014 632943048
            a=ssrc:2231627014 cname:Hq4bqXqGz5sQm0lV
            a=ssrc:632943048 cname:Hq4bqXqGz5sQm0lV
            m=application 9 UDP/DTLS/SCTP webrtc-datachannel
            c=IN IP4 0.0.0.0
            a=ice-ufrag:abcd
            a=ice-pwd:0123456789abcdefghijklmn
            a=ice-options:trickle
            a=fingerprint:sha-256 7B:8B:F0:65:5F:78:E2:51:3B:AC:6F:F3:3F:46:1B:35:DC:B8:5F:64:1A:24:C2:43:F0:A1:58:D0:A1:2C:19:08
            a=setup:actpass
            a=mid:2
            a=sctp-port:5000
            a=max-message-size:262144
            """
                    .split("\n"));

    private Sdp() {}
}
