package io.switchboard.protocol.socketio;

import io.switchboard.core.Nullable;

/** Socket.IO v5 packet types, each written as one digit. */
public enum SocketIoPacketType {
    CONNECT(0),
    DISCONNECT(1),
    EVENT(2),
    ACK(3),
    CONNECT_ERROR(4),
    BINARY_EVENT(5),
    BINARY_ACK(6);

    private static final SocketIoPacketType[] BY_DIGIT = values();

    private final int index;

    SocketIoPacketType(int index) {
        this.index = index;
    }

    private int index() {
        return index;
    }

    /** The digit of this type. */
    public char digit() {
        return (char) ('0' + index());
    }

    /** Whether packets of this type carry binary attachments. */
    public boolean isBinary() {
        return this == BINARY_EVENT || this == BINARY_ACK;
    }

    /** The type written as digit {@code b}, or null. */
    public static @Nullable SocketIoPacketType of(int b) {
        int index = b - '0';
        return index >= 0 && index < BY_DIGIT.length ? BY_DIGIT[index] : null;
    }
}
