package io.switchboard.redis;

import io.switchboard.core.id.SessionId;
import io.switchboard.core.message.Event;
import io.switchboard.core.spi.Delivery;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The binary form of {@link Delivery deliveries} on the bus. One PUBLISH carries one <em>frame</em>:
 *
 * <pre>
 * frame    = version(1 byte, {@value #VERSION}) record+
 * record   = length(varint) target(string) event  |  length 0 (a probe: the watchdog's own, skipped)
 * event    = tag(1 byte) fields       (see EventCodec: one tag per Event type)
 * string   = length(varint) UTF-8 bytes;  nullable = 0 | 1 string;  varint = unsigned LEB128, at most 5 bytes
 * </pre>
 *
 * <p>Several deliveries for one node travel in one frame, in order, to save Redis round trips. Payload JSON and
 * attachments are carried verbatim. A node that reads a version it does not know drops the frame, so a new version
 * needs every node upgraded first (or a reader for both). Within a version, a record a node cannot read (an event
 * type added later) is skipped on its own, so during a rolling upgrade the deliveries packed beside it still arrive.
 *
 * <p>Decoding trusts nothing: lengths and counts are checked against the bytes left before anything is allocated,
 * so a hostile frame costs at most its own size, and every problem is a {@link MalformedPayloadException}.
 * Stateless and thread-safe.
 */
public final class DeliveryCodec {
    /** The format version, the first byte of every frame. */
    public static final int VERSION = 1;

    private DeliveryCodec() {}

    /**
     * The empty record: a node publishes it to its own inbox to check that the subscription still hears (see {@link
     * RedisNodeBus}); decoding skips it.
     */
    static final byte[] PROBE_RECORD = new byte[0];

    /** Encodes one delivery as a record, to be put into a frame with {@link #frame(List)}. */
    public static byte[] encode(Delivery delivery) {
        PayloadWriter out = new PayloadWriter(64);
        EventCodec.writeSession(out, delivery.target());
        EventCodec.write(out, delivery.event());
        return out.toByteArray();
    }

    /** Puts records made by {@link #encode} into one frame, in the given order. */
    public static byte[] frame(List<byte[]> records) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("records: empty (expected: at least one)");
        }
        int size = 1;
        for (byte[] record : records) {
            size += framedSize(record.length);
        }
        PayloadWriter out = new PayloadWriter(size);
        out.writeByte(VERSION);
        for (byte[] record : records) {
            out.writeBytes(record, 0, record.length);
        }
        return out.toByteArray();
    }

    /** How many bytes a record of {@code length} bytes takes in a frame (its length prefix included). */
    public static int framedSize(int length) {
        int prefix = 1;
        for (int v = length >>> 7; v != 0; v >>>= 7) {
            prefix++;
        }
        return prefix + length;
    }

    /**
     * Decodes a frame into its deliveries, in order, skipping probes; any bad record fails the whole frame. Payload
     * JSON in the events is a slice of {@code frame}, which the caller hands over and must not change afterwards.
     *
     * @throws MalformedPayloadException if {@code frame} is not a valid frame of this version
     */
    public static List<Delivery> decode(byte[] frame) {
        return decode(frame, e -> {
            throw e;
        });
    }

    /**
     * Decodes a frame into its deliveries, in order, skipping probes and leaving out each record whose content does
     * not decode (an event tag from a newer node, a field the domain refuses): that record goes to {@code skipped}
     * and the records around it still arrive. Each record carries its own length, so one bad record cannot shift the
     * others; a frame whose version or lengths are wrong has nothing to trust and fails whole.
     *
     * @throws MalformedPayloadException if the frame's version or record framing is invalid
     */
    public static List<Delivery> decode(byte[] frame, Consumer<MalformedPayloadException> skipped) {
        PayloadReader in = new PayloadReader(frame, 0, frame.length);
        int version = in.readByte();
        if (version != VERSION) {
            throw in.malformed("version: " + version + " (expected: " + VERSION + ")");
        }
        if (in.remaining() == 0) {
            throw in.malformed("no records");
        }
        List<Delivery> deliveries = new ArrayList<>(4);
        while (in.remaining() > 0) {
            int start = in.readSlice();
            if (in.position() > start) {
                try {
                    deliveries.add(decodeRecord(new PayloadReader(frame, start, in.position() - start)));
                } catch (MalformedPayloadException e) {
                    skipped.accept(e);
                }
            }
        }
        return deliveries;
    }

    private static Delivery decodeRecord(PayloadReader in) {
        try {
            SessionId target = EventCodec.readSession(in);
            Event event = EventCodec.read(in);
            in.expectEnd();
            return new Delivery(target, event);
        } catch (IllegalArgumentException e) {
            // a field the domain refuses (an empty session id, an unknown enum name)
            throw new MalformedPayloadException(
                    "bus payload: " + e.getMessage() + " (at offset " + in.position() + ")", e);
        }
    }
}
