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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
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
    private static final CompletionStage<Void> DONE = CompletableFuture.completedFuture(null);
    private static final int MAX_REMEMBERED_NODES = 100_000;

    private final LongAdder undeliverable = new LongAdder();
    private final Map<SessionId, NodeId> nodes = new ConcurrentHashMap<>();

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
        var unused = deliverInOrder(target, event);
    }

    /**
     * Like {@link #deliver(SessionId, Event)}, completing once the event is with its local session or queued on the
     * bus (not when it arrived): a caller that chains its next delivery on this stage keeps its events in order even
     * when the directory must be asked. A session's node never changes, so the directory's answers are remembered
     * (a bounded map, forgotten wholesale when full).
     */
    public CompletionStage<Void> deliverInOrder(SessionId target, Event event) {
        Session local = registry.get(target);
        if (local != null) {
            local.deliver(event);
            return DONE;
        }
        NodeId known = nodes.get(target);
        if (known != null) {
            publish(known, new Delivery(target, event));
            return DONE;
        }
        return directory.nodeOf(target).handle((node, failure) -> {
            if (failure != null || node == null || node.equals(self)) {
                undeliverable.increment();
                return null;
            }
            remember(target, node);
            publish(node, new Delivery(target, event));
            return null;
        });
    }

    private void remember(SessionId session, NodeId node) {
        if (nodes.size() >= MAX_REMEMBERED_NODES) {
            nodes.clear();
        }
        nodes.put(session, node);
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
