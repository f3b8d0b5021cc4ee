package io.switchboard.redis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.id.NodeId;
import io.switchboard.core.id.SessionId;
import io.switchboard.core.message.AnnounceKind;
import io.switchboard.core.message.Event;
import io.switchboard.core.message.Member;
import io.switchboard.core.message.PeerSummary;
import io.switchboard.core.message.RawJson;
import io.switchboard.core.message.SignalKind;
import io.switchboard.core.network.ClientAddress;
import io.switchboard.core.network.ConnectionType;
import io.switchboard.core.spi.Delivery;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DeliveryCodecTest {
    private static final SessionId TARGET = new SessionId("target-1");
    private static final SessionId PEER = new SessionId("peer-ÄÖ-2");

    static List<Event> samples() {
        Member member = new Member(
                PEER, new NodeId("node-b"), "Zoë's phone", new ClientAddress("192.168.1.7", "192.168.1", true));
        return List.of(
                new Event.Registered(TARGET),
                new Event.NetworkPeers(List.of(new PeerSummary(PEER, "A"), new PeerSummary(TARGET, "B")), TARGET, 5),
                Event.NetworkPeers.NONE,
                new Event.RoomCreated("ABC123"),
                new Event.PeerJoined("ABC123", member, ConnectionType.LAN),
                new Event.PeerJoined(
                        "X", new Member(PEER, new NodeId("n"), "n", ClientAddress.UNKNOWN), ConnectionType.WAN),
                new Event.Invited("ABC123", "Alice"),
                new Event.SignalRelayed(PEER, slice("xx{\"sdp\":\"v=0\\r\\n\",\"type\":\"offer\"}yy", 2, 2)),
                new Event.PeerLeft(PEER),
                new Event.Failed(ErrorCode.ROOM_FULL, "room ABC is full"),
                new Event.Failed(ErrorCode.UNAVAILABLE, null),
                new Event.ShuttingDown(),
                new Event.JoinAnswer(true, "joined", "room-1", null),
                new Event.JoinAnswer(false, "Server error", null, "boom"),
                new Event.PeerReady(PEER),
                new Event.PeerSignal(SignalKind.ICE_CANDIDATE, PEER, RawJson.of("{\"candidate\":\"a=1\"}")),
                new Event.Announcement(AnnounceKind.RECIPIENT_READY, "room-1", PEER),
                new Event.Emitted(
                        "message",
                        RawJson.of("\"hi\",{\"_placeholder\":true,\"num\":0}"),
                        List.of(new byte[] {0, 1, 2, (byte) 255}, new byte[0])),
                new Event.Emitted("empty", RawJson.of(""), List.of()),
                new Event.Acknowledged(Long.MAX_VALUE, RawJson.of("1,2"), List.of(new byte[] {9})),
                new Event.Acknowledged(-1, RawJson.of("null"), List.of()),
                new Event.RoomRevoked("room-1"));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyEventSurvivesARoundTrip(Event event) {
        List<Delivery> decoded = DeliveryCodec.decode(frameOf(new Delivery(TARGET, event)));

        assertEquals(1, decoded.size());
        assertSame(new Delivery(TARGET, event), decoded.get(0));
    }

    @Test
    void everyPermittedEventTypeHasAnEncodingAndASample() {
        Set<Class<?>> permitted = Set.of(Event.class.getPermittedSubclasses());
        Set<Class<?>> sampled = samples().stream().map(Object::getClass).collect(Collectors.toSet());

        assertEquals(permitted, EventCodec.supportedTypes(), "EventCodec needs a format for every Event type");
        assertEquals(permitted, sampled, "samples() needs an instance of every Event type");
    }

    @Test
    void aFrameCarriesSeveralDeliveriesInOrder() {
        List<Delivery> deliveries = new ArrayList<>();
        for (Event event : samples()) {
            deliveries.add(new Delivery(new SessionId("t" + deliveries.size()), event));
        }
        List<byte[]> records = deliveries.stream().map(DeliveryCodec::encode).toList();

        List<Delivery> decoded = DeliveryCodec.decode(DeliveryCodec.frame(records));

        assertEquals(deliveries.size(), decoded.size());
        for (int i = 0; i < deliveries.size(); i++) {
            assertSame(deliveries.get(i), decoded.get(i));
        }
    }

    @Test
    void payloadJsonIsCarriedByteForByte() {
        byte[] json = "{\"a\":\"\\u00e9\",\"b\":[1,2.50,true]}".getBytes(StandardCharsets.UTF_8);
        Event.SignalRelayed sent = new Event.SignalRelayed(PEER, RawJson.wrap(json, 0, json.length));

        Event.SignalRelayed got = (Event.SignalRelayed)
                DeliveryCodec.decode(frameOf(new Delivery(TARGET, sent))).get(0).event();

        RawJson payload = got.payload();
        assertArrayEquals(
                json, Arrays.copyOfRange(payload.array(), payload.offset(), payload.offset() + payload.length()));
    }

    @Test
    void anUnknownVersionIsRejected() {
        byte[] frame = frameOf(new Delivery(TARGET, new Event.PeerLeft(PEER)));
        frame[0] = 2;

        assertMalformed(frame, "version: 2 (expected: 1)");
    }

    @Test
    void anUnknownEventTagIsRejected() {
        byte[] frame = {1, 4, 1, 't', 99, 0};

        assertMalformed(frame, "event tag: 99");
    }

    @Test
    void aRecordWithAnUnknownTagIsSkippedAndTheRecordsAroundItStillDecode() {
        Delivery before = new Delivery(TARGET, new Event.PeerLeft(PEER));
        Delivery after = new Delivery(TARGET, new Event.PeerReady(PEER));
        byte[] fromANewerNode = {1, 't', 99, 0}; // target "t", then a tag this version does not know
        byte[] frame =
                DeliveryCodec.frame(List.of(DeliveryCodec.encode(before), fromANewerNode, DeliveryCodec.encode(after)));
        List<MalformedPayloadException> skipped = new ArrayList<>();

        assertEquals(List.of(before, after), DeliveryCodec.decode(frame, skipped::add));
        assertEquals(1, skipped.size());
        assertTrue(
                skipped.get(0).getMessage().contains("event tag: 99"),
                skipped.get(0).getMessage());
        assertMalformed(frame, "event tag: 99"); // the strict form fails the frame
    }

    @Test
    void brokenFramingFailsTheWholeFrameEvenWhenSkippingRecords() {
        byte[] lengthPastTheEnd = {1, 3, 1, 't', 7, 9};

        assertThrows(MalformedPayloadException.class, () -> DeliveryCodec.decode(lengthPastTheEnd, e -> {}));
    }

    @Test
    void aLengthPastTheEndIsRejectedWithoutAllocating() {
        // version 1, then a record length of 2^31-1 in a 5-byte varint, and nothing behind it
        byte[] frame = {1, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07};

        assertMalformed(frame, "length: 2147483647 (expected: at most the 0 bytes left)");
    }

    @Test
    void aHugeListCountIsRejectedWithoutAllocating() {
        // NetworkPeers claiming 268 million peers in a 9-byte record
        byte[] frame = {1, 9, 1, 't', 2, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f, 0, 0};

        assertMalformed(frame, "count: 268435455");
    }

    @Test
    void aVarintLongerThanFiveBytesIsRejected() {
        byte[] frame = {1, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0};

        assertMalformed(frame, "varint: longer than 5 bytes");
    }

    @Test
    void trailingBytesInARecordAreRejected() {
        byte[] record = DeliveryCodec.encode(new Delivery(TARGET, new Event.ShuttingDown()));
        byte[] padded = Arrays.copyOf(record, record.length + 1);

        assertMalformed(DeliveryCodec.frame(List.of(padded)), "1 unexpected trailing bytes");
    }

    @Test
    void probeRecordsAreSkippedWhereverTheyStand() {
        Delivery first = new Delivery(TARGET, new Event.PeerLeft(PEER));
        Delivery second = new Delivery(TARGET, new Event.PeerReady(PEER));
        byte[] frame = DeliveryCodec.frame(List.of(
                DeliveryCodec.PROBE_RECORD,
                DeliveryCodec.encode(first),
                DeliveryCodec.PROBE_RECORD,
                DeliveryCodec.encode(second)));

        assertEquals(List.of(first, second), DeliveryCodec.decode(frame));
        assertEquals(List.of(), DeliveryCodec.decode(DeliveryCodec.frame(List.of(DeliveryCodec.PROBE_RECORD))));
    }

    @Test
    void anEmptyFrameIsRejected() {
        assertMalformed(new byte[0], "truncated");
        assertMalformed(new byte[] {1}, "no records");
    }

    @Test
    void invalidUtf8IsRejected() {
        byte[] frame = {1, 4, 2, (byte) 0xc3, (byte) 0x28, 9};

        assertMalformed(frame, "not valid UTF-8");
    }

    @Test
    void aFieldTheDomainRefusesIsRejected() {
        byte[] emptyTarget = {1, 2, 0, 9};

        assertMalformed(emptyTarget, "sessionId");
    }

    @Test
    void everyTruncationOfAValidFrameIsRejected() {
        List<byte[]> records = samples().stream()
                .map(e -> DeliveryCodec.encode(new Delivery(TARGET, e)))
                .toList();
        byte[] frame = DeliveryCodec.frame(records);
        for (int cut = 0; cut < frame.length; cut++) {
            byte[] truncated = Arrays.copyOf(frame, cut);
            if (isWholeRecords(truncated, records)) {
                continue;
            }
            assertThrows(MalformedPayloadException.class, () -> DeliveryCodec.decode(truncated), "cut at " + cut);
        }
    }

    @Test
    void randomGarbageOnlyEverFailsAsMalformed() {
        Random random = new Random(42);
        byte[] valid = frameOf(new Delivery(TARGET, samples().get(4)));
        for (int i = 0; i < 20_000; i++) {
            byte[] garbage = i % 2 == 0 ? randomBytes(random) : flipOneByte(valid, random);
            try {
                DeliveryCodec.decode(garbage);
            } catch (MalformedPayloadException expected) {
                // the only failure allowed
            }
        }
    }

    private static byte[] frameOf(Delivery delivery) {
        return DeliveryCodec.frame(List.of(DeliveryCodec.encode(delivery)));
    }

    private static RawJson slice(String text, int offset, int trim) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return RawJson.wrap(bytes, offset, bytes.length - offset - trim);
    }

    private static void assertMalformed(byte[] frame, String expected) {
        MalformedPayloadException e = assertThrows(MalformedPayloadException.class, () -> DeliveryCodec.decode(frame));
        assertTrue(e.getMessage().contains(expected), e.getMessage() + " should contain " + expected);
    }

    /** Records compare their lists of attachments by identity; compare the bytes. */
    private static void assertSame(Delivery expected, Delivery actual) {
        assertEquals(expected.target(), actual.target());
        if (expected.event() instanceof Event.Emitted e && actual.event() instanceof Event.Emitted a) {
            assertEquals(e.name(), a.name());
            assertEquals(e.args(), a.args());
            assertAttachments(e.attachments(), a.attachments());
        } else if (expected.event() instanceof Event.Acknowledged e && actual.event() instanceof Event.Acknowledged a) {
            assertEquals(e.ackId(), a.ackId());
            assertEquals(e.args(), a.args());
            assertAttachments(e.attachments(), a.attachments());
        } else {
            assertEquals(expected.event(), actual.event());
        }
    }

    private static void assertAttachments(List<byte[]> expected, List<byte[]> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i));
        }
    }

    /** Whether {@code prefix} ends exactly after some record (then it is a valid, shorter frame). */
    private static boolean isWholeRecords(byte[] prefix, List<byte[]> records) {
        int end = 1;
        for (byte[] record : records) {
            if (prefix.length == end && end > 1) {
                return true;
            }
            end += DeliveryCodec.framedSize(record.length);
        }
        return prefix.length == end;
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(64)];
        random.nextBytes(bytes);
        if (bytes.length > 0 && random.nextBoolean()) {
            bytes[0] = DeliveryCodec.VERSION;
        }
        return bytes;
    }

    private static byte[] flipOneByte(byte[] valid, Random random) {
        byte[] copy = valid.clone();
        copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        return copy;
    }

    static Stream<Event> sampleStream() {
        return samples().stream();
    }
}
