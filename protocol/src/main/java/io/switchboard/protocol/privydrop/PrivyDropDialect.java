package io.switchboard.protocol.privydrop;

import io.switchboard.core.id.AppId;
import io.switchboard.core.message.Event;
import io.switchboard.protocol.ByteSink;
import io.switchboard.protocol.Decoded;
import io.switchboard.protocol.Dialect;

/**
 * PrivyDrop over Socket.IO (PROTOCOLS.md §2.5).
 *
 * <p>{@link #decode} takes exactly the JSON array of one Socket.IO EVENT packet, after the transport has removed the
 * Engine.IO and Socket.IO headers ({@code ["offer",{"peerId":"x","offer":{...}}]}). It reads the envelope with one
 * streaming pass and keeps a relayed {@code offer}, {@code answer} or {@code candidate} as the raw bytes it arrived
 * in. Reserved Socket.IO names and events PrivyDrop does not define are {@link Decoded#IGNORED}; a missing or
 * ill-typed payload is {@link Decoded.Invalid} (never an exception, unlike the original, PROTOCOLS.md §0.3), except
 * for {@code join}, which always decodes (to an empty room id when the payload has none) because the page waits for
 * a {@code joinResponse}.
 *
 * <p>{@link #encode} writes one whole Socket.IO EVENT packet text for namespace {@code /} without an ack id, starting
 * with the packet type digit {@code 2}: {@code 2["offer",{"offer":<raw>,"from":"<sid>","peerId":"<sid>"}]}. The
 * transport adds Engine.IO's {@code 4}. PrivyDrop has no error event and no acks, so {@link Event.Failed} and every
 * event PrivyDrop has no message for are encoded as <em>zero bytes</em>, which the transport drops instead of
 * sending.
 *
 * <p>Stateless and thread-safe.
 */
public final class PrivyDropDialect implements Dialect {
    /** The app this dialect serves. */
    public static final AppId APP = new AppId("privydrop");

    /** Sessions have no display name in PrivyDrop. */
    public static final String INITIAL_NAME = "";

    @Override
    public AppId app() {
        return APP;
    }

    @Override
    public String initialName() {
        return INITIAL_NAME;
    }

    @Override
    public Decoded decode(byte[] frame, int offset, int length) {
        return PrivyDropDecoder.decode(frame, offset, length);
    }

    @Override
    public void encode(Event event, ByteSink out) {
        PrivyDropEncoder.encode(event, out);
    }
}
