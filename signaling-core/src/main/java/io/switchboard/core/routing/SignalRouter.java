package io.switchboard.core.routing;

import static java.util.Objects.requireNonNull;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.id.NodeId;
import io.switchboard.core.id.SessionId;
import io.switchboard.core.message.Event;
import io.switchboard.core.message.Member;
import io.switchboard.core.session.Session;
import io.switchboard.core.session.SessionRegistry;
import io.switchboard.core.spi.Delivery;
import io.switchboard.core.spi.NodeBus;
import io.switchboard.core.spi.SessionDirectory;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events to room members: straight to the session's sink when the member is on this node, otherwise
 * through the {@link NodeBus} to the member's node. Thread-safe; order is kept per calling thread.
 */
public final class SignalRouter {
    private static final Logger log = LoggerFactory.getLogger(SignalRouter.class);

    private final NodeId self;
    private final SessionRegistry registry;
    private final NodeBus bus;
    private final SessionDirectory directory;
    private final LongAdder undeliverable = new LongAdder();

    /** Creates a router for the node {@code self}. */
    public SignalRouter(NodeId self, SessionRegistry registry, NodeBus bus, SessionDirectory directory) {
        this.self = requireNonNull(self, "self");
        this.registry = requireNonNull(registry, "registry");
        this.bus = requireNonNull(bus, "bus");
        this.directory = requireNonNull(directory, "directory");
    }

    /** Sends {@code event} to {@code target}; a target that is gone is skipped and counted. */
    public void deliver(Member target, Event event) {
        deliver(target.node(), target.id(), event);
    }

    /**
     * Relays {@code event} from {@code origin} to {@code target}: like {@link #deliver(Member, Event)}, and when the
     * target lives on another node and the bus cannot take the event (Redis unreachable, its queue full), {@code
     * origin} is told with {@link ErrorCode#UNAVAILABLE} rather than left to wait for an answer that cannot come.
     */
    public void relay(Session origin, Member target, Event event) {
        if (target.node().equals(self)) {
            deliverLocal(new Delivery(target.id(), event));
            return;
        }
        bus.publish(target.node(), new Delivery(target.id(), event)).whenComplete((ok, failure) -> {
            if (failure != null) {
                undeliverable.increment();
                log.debug("bus publish to {} failed: {}", target.node(), failure.toString());
                origin.sink().send(new Event.Failed(ErrorCode.UNAVAILABLE, null));
            }
        });
    }

    /**
     * Sends {@code event} to the session {@code target} held by {@code node} (as a store entry names it, without a
     * directory lookup); a target that is gone is skipped and counted.
     */
    public void deliver(NodeId node, SessionId target, Event event) {
        if (node.equals(self)) {
            deliverLocal(new Delivery(target, event));
            return;
        }
        publish(node, new Delivery(target, event));
    }

    /**
     * Sends {@code event} to the session {@code target} wherever it lives: this node's registry first, otherwise the
     * directory names its node. A target that is gone is skipped and counted.
     */
    public void deliver(SessionId target, Event event) {
        Session local = registry.get(target);
        if (local != null) {
            local.deliver(event);
            return;
        }
        directory.nodeOf(target).whenComplete((node, failure) -> {
            if (failure != null || node == null || node.equals(self)) {
                undeliverable.increment();
                return;
            }
            publish(node, new Delivery(target, event));
        });
    }

    private void publish(NodeId node, Delivery delivery) {
        bus.publish(node, delivery).whenComplete((ok, failure) -> {
            if (failure != null) {
                undeliverable.increment();
                log.debug("bus publish to {} failed: {}", node, failure.toString());
            }
        });
    }

    /** Hands a delivery that arrived for this node to its session; the bus inbox calls this. */
    public void deliverLocal(Delivery delivery) {
        Session session = registry.get(delivery.target());
        if (session == null) {
            undeliverable.increment();
            return;
        }
        session.deliver(delivery.event());
    }

    /** How many events found no live target, since start. */
    public long undeliverable() {
        return undeliverable.sum();
    }
}
