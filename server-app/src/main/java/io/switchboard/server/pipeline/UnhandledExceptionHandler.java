package io.switchboard.server.pipeline;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.switchboard.core.session.CloseReason;
import io.switchboard.server.metrics.SwitchboardMetrics;
import java.io.IOException;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler: whatever nobody else handled ends here. Expected network errors are logged at debug, protocol
 * violations close with their code (an oversized WebSocket message with 1009), anything else is a bug: logged at
 * warn, counted, and the one connection is closed (1011 for a WebSocket). Nothing here affects another session.
 */
@ChannelHandler.Sharable
public final class UnhandledExceptionHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(UnhandledExceptionHandler.class);

    private final LongAdder unexpected = new LongAdder();

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        boolean webSocket = ctx.pipeline().get(HandlerNames.HTTP_ROUTER) == null;
        if (cause instanceof IOException || cause instanceof PrematureChannelClosureException) {
            log.debug("I/O error on {}: {}", ctx.channel(), cause.toString());
            ctx.close();
        } else if (cause instanceof CorruptedWebSocketFrameException corrupted) {
            // The frame decoder already sent the close frame with the right status (1002, 1007 or 1009).
            log.debug("protocol violation on {}: {}", ctx.channel(), cause.getMessage());
            SwitchboardMetrics.countClose(ctx.channel(), corrupted.closeStatus().code());
        } else if (cause instanceof TooLongFrameException && webSocket) {
            closeWebSocket(ctx, CloseReason.TOO_BIG);
        } else {
            unexpected.increment();
            log.warn("unexpected error on {}", ctx.channel(), cause);
            if (webSocket) {
                closeWebSocket(ctx, CloseReason.INTERNAL_ERROR);
            } else {
                ctx.close();
            }
        }
    }

    /** How many unexpected errors were seen since start. */
    public long unexpected() {
        return unexpected.sum();
    }

    /** Sends a close frame with {@code reason}, closes the channel after it, and counts the close code. */
    public static void closeWebSocket(ChannelHandlerContext ctx, CloseReason reason) {
        if (!ctx.channel().isActive()) {
            return;
        }
        ctx.writeAndFlush(new CloseWebSocketFrame(reason.code(), reason.reason()))
                .addListener(ChannelFutureListener.CLOSE);
        SwitchboardMetrics.countClose(ctx.channel(), reason.code());
    }
}
