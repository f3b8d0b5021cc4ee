package io.switchboard.core.message;

/** What a targeted signal carries: the three WebRTC signaling steps PrivyDrop relays by name. */
public enum SignalKind {
    OFFER,
    ANSWER,
    ICE_CANDIDATE
}
