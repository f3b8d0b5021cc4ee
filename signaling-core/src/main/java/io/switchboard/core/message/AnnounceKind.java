package io.switchboard.core.message;

/** Room-wide announcements PrivyDrop's peers make to restart a handshake. */
public enum AnnounceKind {
    /** The sender (the file's sender) is back online in the room. */
    INITIATOR_ONLINE,
    /** The sender (a receiver) is ready for an offer. */
    RECIPIENT_READY
}
