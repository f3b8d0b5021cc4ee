package io.switchboard.protocol.engineio;

import io.switchboard.core.Nullable;

/** Engine.IO v4 packet types, each written as one ASCII digit before the packet's data. */
public enum EngineIoPacketType {
    OPEN('0'),
    CLOSE('1'),
    PING('2'),
    PONG('3'),
    MESSAGE('4'),
    UPGRADE('5'),
    NOOP('6');

    private static final EngineIoPacketType[] BY_DIGIT = values();

    private final char digit;

    EngineIoPacketType(char digit) {
        this.digit = digit;
    }

    /** The digit that starts a text packet of this type. */
    public char digit() {
        return digit;
    }

    /** The type whose digit is {@code b}, or null. */
    public static @Nullable EngineIoPacketType of(int b) {
        int index = b - '0';
        return index >= 0 && index < BY_DIGIT.length ? BY_DIGIT[index] : null;
    }
}
