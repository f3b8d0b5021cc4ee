package io.switchboard.core.echo;

import io.switchboard.core.AppService;
import io.switchboard.core.message.Command;
import io.switchboard.core.message.Event;
import io.switchboard.core.session.Session;
import java.util.List;

/**
 * The reference test server's handlers: on connect it emits {@code auth} with the socket's handshake data; an echo
 * command comes back as {@code message-back} with the same arguments and attachments, or as the acknowledgement the
 * client asked for. Keeps no state.
 */
public final class EchoService implements AppService {
    /** The event a socket is greeted with. */
    public static final String AUTH = "auth";

    /** The event an echoed message comes back as. */
    public static final String MESSAGE_BACK = "message-back";

    @Override
    public void connected(Session session) {
        session.sink().send(new Event.Emitted(AUTH, session.handshake(), List.of()));
    }

    @Override
    public void handle(Session session, Command command) {
        if (!(command instanceof Command.Echo echo)) {
            return;
        }
        session.sink()
                .send(
                        echo.ackId() >= 0
                                ? new Event.Acknowledged(echo.ackId(), echo.args(), echo.attachments())
                                : new Event.Emitted(MESSAGE_BACK, echo.args(), echo.attachments()));
    }

    @Override
    public void disconnected(Session session) {}

    @Override
    public int activeRooms() {
        return 0;
    }
}
