package io.switchboard.redis;

import io.switchboard.core.id.NodeId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a batch of deliveries into as few PUBLISH commands as it can: the deliveries for one node become one frame
 * (several if they exceed {@link RedisBusConfig#maxFrameBytes()}), in the order they were queued. Across nodes the
 * order does not matter, since each inbox has its own channel.
 */
final class FramePacker {
    private final RedisBusConfig config;

    FramePacker(RedisBusConfig config) {
        this.config = config;
    }

    List<Packet> pack(List<Outgoing> batch) {
        List<Packet> packets = new ArrayList<>();
        Map<NodeId, List<Outgoing>> open = new LinkedHashMap<>();
        Map<NodeId, Integer> openBytes = new LinkedHashMap<>();
        for (Outgoing outgoing : batch) {
            List<Outgoing> group = open.computeIfAbsent(outgoing.node(), n -> new ArrayList<>());
            int size = DeliveryCodec.framedSize(outgoing.record().length);
            int bytes = openBytes.getOrDefault(outgoing.node(), 1);
            if (!group.isEmpty() && bytes + size > config.maxFrameBytes()) {
                // an earlier frame of this node goes first, which keeps the node's order
                packets.add(packet(outgoing.node(), group));
                group = new ArrayList<>();
                open.put(outgoing.node(), group);
                bytes = 1;
            }
            group.add(outgoing);
            openBytes.put(outgoing.node(), bytes + size);
        }
        open.forEach((node, group) -> packets.add(packet(node, group)));
        return packets;
    }

    private Packet packet(NodeId node, List<Outgoing> group) {
        List<byte[]> records = new ArrayList<>(group.size());
        for (Outgoing outgoing : group) {
            records.add(outgoing.record());
        }
        byte[] channel = config.inboxChannel(node).getBytes(StandardCharsets.UTF_8);
        return new Packet(channel, DeliveryCodec.frame(records), List.copyOf(group));
    }
}
