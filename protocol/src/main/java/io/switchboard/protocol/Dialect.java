package io.switchboard.protocol;

import io.switchboard.core.id.AppId;
import io.switchboard.core.message.Event;
import java.util.List;

/**
 * One app's wire protocol over text messages: frames to core commands and core events to frames.
 *
 * <p>Contract: implementations are stateless and thread-safe; one instance serves every session of its app.
 * {@link #decode} never throws on bad input, it returns {@link Decoded.Invalid}. Payloads that peers exchange are
 * never parsed: decode keeps them as {@link io.switchboard.core.message.RawJson} slices of the frame, and encode
 * splices those bytes into its envelope unchanged.
 */
public interface Dialect {
    /** The app this dialect speaks for. */
    AppId app();

    /** The name a session has before it names itself. */
    String initialName();

    /**
     * Decodes one complete message of {@code length} bytes at {@code offset} in {@code frame}. The bytes must be
     * strict UTF-8: the transport guarantees it (Netty validates WebSocket text frames; other input is checked with
     * {@link io.switchboard.protocol.json.Utf8#isValid} first), so a relayed payload is always valid UTF-8. The
     * array must not be changed afterwards: a decoded command may keep slices of it.
     */
    Decoded decode(byte[] frame, int offset, int length);

    /**
     * Decodes one Socket.IO event: its JSON array, the binary attachments its placeholders refer to (binary events
     * only), and the acknowledgement id the client asked for (-1: none). Dialects whose app uses neither keep the
     * default, which decodes the array alone.
     */
    default Decoded decodeEvent(byte[] frame, int offset, int length, List<byte[]> attachments, long ackId) {
        return decode(frame, offset, length);
    }

    /** Encodes {@code event} as one complete message into {@code out}. */
    void encode(Event event, ByteSink out);
}
