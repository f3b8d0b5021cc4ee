package io.switchboard.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.core.id.NodeId;
import io.switchboard.core.spi.Delivery;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FramePackerTest {
    private static final NodeId X = new NodeId("x");
    private static final NodeId Y = new NodeId("y");

    @Test
    void deliveriesForOneNodeShareOneFrameInTheirOrder() {
        List<Outgoing> batch = List.of(outgoing(X, 0), outgoing(Y, 1), outgoing(X, 2), outgoing(Y, 3), outgoing(X, 4));

        List<Packet> packets = new FramePacker(RedisBusConfig.DEFAULTS).pack(batch);

        assertEquals(2, packets.size());
        assertEquals("sb:inbox:x", new String(packets.get(0).channel(), StandardCharsets.UTF_8));
        assertEquals(List.of(0, 2, 4), numbers(packets.get(0)));
        assertEquals("sb:inbox:y", new String(packets.get(1).channel(), StandardCharsets.UTF_8));
        assertEquals(List.of(1, 3), numbers(packets.get(1)));
    }

    @Test
    void aNodeGetsAnotherFrameWhenOneWouldGrowPastTheLimit() {
        int recordSize = DeliveryCodec.framedSize(DeliveryCodec.encode(BusExchange.numbered(0)).length);
        RedisBusConfig config = new RedisBusConfig(
                "sb:",
                16,
                1 << 20,
                16,
                1 + 2 * recordSize,
                RedisBusConfig.DEFAULTS.minBackoff(),
                RedisBusConfig.DEFAULTS.maxBackoff(),
                RedisBusConfig.DEFAULTS.probeInterval());
        List<Outgoing> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batch.add(outgoing(X, i));
        }

        List<Packet> packets = new FramePacker(config).pack(batch);

        assertEquals(3, packets.size());
        assertEquals(List.of(0, 1), numbers(packets.get(0)));
        assertEquals(List.of(2, 3), numbers(packets.get(1)));
        assertEquals(List.of(4), numbers(packets.get(2)));
    }

    private static Outgoing outgoing(NodeId node, int number) {
        return new Outgoing(node, DeliveryCodec.encode(BusExchange.numbered(number)));
    }

    private static List<Integer> numbers(Packet packet) {
        List<Integer> numbers = new ArrayList<>();
        for (Delivery delivery : DeliveryCodec.decode(packet.frame())) {
            numbers.add(BusExchange.numberOf(delivery));
        }
        return numbers;
    }
}
