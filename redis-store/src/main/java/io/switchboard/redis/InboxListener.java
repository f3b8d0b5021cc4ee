package io.switchboard.redis;

/** What a transport tells the subscriber thread while it listens to one inbox channel. */
interface InboxListener {
    /** Redis confirmed the subscription; deliveries published from now on arrive. */
    void onSubscribed();

    /** A frame arrived; the array is the listener's to keep. */
    void onFrame(byte[] frame);
}
