package io.switchboard.server.engineio;

/**
 * What runs on top of one Engine.IO session: the Socket.IO layer for the apps, or a plain echo for the Engine.IO
 * conformance endpoint. Called on the session's event loop.
 */
public interface EngineIoListener {
    /** The session is open (the open packet went out). */
    void start();

    /** A MESSAGE packet with text; {@code offset} is past the type digit. */
    void onText(byte[] packet, int offset, int length);

    /** A MESSAGE packet with binary data. */
    void onBinary(byte[] data);

    /** The session ended for {@code reason}. */
    void onClose(String reason);

    /** Makes the listener of a new session. */
    @FunctionalInterface
    interface Factory {
        /** The listener for {@code session}. */
        EngineIoListener create(EngineIoSession session);
    }
}
