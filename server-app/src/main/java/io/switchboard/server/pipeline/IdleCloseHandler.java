package io.switchboard.server.pipeline;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;

/** Closes an HTTP connection that stayed silent for the idle timeout. */
@ChannelHandler.Sharable
final class IdleCloseHandler extends ChannelInboundHandlerAdapter {
    static final IdleCloseHandler INSTANCE = new IdleCloseHandler();

    private IdleCloseHandler() {}

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, evt);
    }
}
