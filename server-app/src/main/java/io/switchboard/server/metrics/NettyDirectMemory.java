package io.switchboard.server.metrics;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import io.netty.util.internal.PlatformDependent;

/**
 * The direct memory Netty holds in this process. Netty counts its own direct allocations only when it manages them
 * without the JDK's cleaner ({@code PlatformDependent.usedDirectMemory()}); that count covers every allocator, so it is
 * used when it exists. Otherwise (the JDK 17 default, where the buffers are the JDK's and also show in {@code
 * jvm_buffer_pool_used_bytes{pool="direct"}}) the default allocator's own figure is used, which covers the channels'
 * buffers and the encoders' output.
 */
public final class NettyDirectMemory {
    private NettyDirectMemory() {}

    /** The bytes of direct memory Netty holds now, or -1 when neither figure is available. */
    public static long usedBytes() {
        long tracked = PlatformDependent.usedDirectMemory();
        if (tracked >= 0) {
            return tracked;
        }
        if (ByteBufAllocator.DEFAULT instanceof ByteBufAllocatorMetricProvider provider) {
            return provider.metric().usedDirectMemory();
        }
        return -1;
    }
}
