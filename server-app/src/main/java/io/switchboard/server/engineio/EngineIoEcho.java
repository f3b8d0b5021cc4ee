package io.switchboard.server.engineio;

import io.netty.buffer.Unpooled;
import io.switchboard.core.id.IdGenerator;
import io.switchboard.core.network.ClientAddress;

/**
 * The Engine.IO reference test server's behaviour: every message, text or binary, is sent straight back. Serves
 * the public Engine.IO test suite at {@code /engine.io/}; no Socket.IO, no app.
 */
public final class EngineIoEcho implements SessionListeners {
    @Override
    public EngineIoListener.Factory forClient(
            ClientAddress client, String userAgent, IdGenerator ids, EngineIoConfig config, long budget) {
        return Listener::new;
    }

    private static final class Listener implements EngineIoListener {
        private final EngineIoSession session;

        private Listener(EngineIoSession session) {
            this.session = session;
        }

        @Override
        public void start() {}

        @Override
        public void onText(byte[] packet, int offset, int length) {
            byte[] message = new byte[length + 1];
            message[0] = '4';
            System.arraycopy(packet, offset, message, 1, length);
            session.send(new OutboundPacket(Unpooled.wrappedBuffer(message), false));
        }

        @Override
        public void onBinary(byte[] data) {
            session.send(new OutboundPacket(Unpooled.wrappedBuffer(data), true));
        }

        @Override
        public void onClose(String reason) {}
    }
}
