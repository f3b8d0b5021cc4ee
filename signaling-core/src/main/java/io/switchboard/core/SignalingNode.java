package io.switchboard.core;

import static java.util.Objects.requireNonNull;

import io.switchboard.core.error.ErrorCode;
import io.switchboard.core.id.AppId;
import io.switchboard.core.id.IdGenerator;
import io.switchboard.core.id.NodeId;
import io.switchboard.core.id.SessionId;
import io.switchboard.core.limit.TokenBucket;
import io.switchboard.core.message.Command;
import io.switchboard.core.message.Event;
import io.switchboard.core.message.RawJson;
import io.switchboard.core.network.ClientAddress;
import io.switchboard.core.routing.SignalRouter;
import io.switchboard.core.session.PeerSink;
import io.switchboard.core.session.Session;
import io.switchboard.core.session.SessionInfo;
import io.switchboard.core.session.SessionRegistry;
import io.switchboard.core.spi.Stores;
import io.switchboard.core.telemetry.CoreMetrics;
import io.switchboard.core.telemetry.Telemetry;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The facade the transports call: it opens and closes sessions, applies the limits every app shares, and hands
 * commands to the session's {@link AppService}. It owns the session registry and the router, and subscribes this
 * node's inbox on the bus. Thread-safe.
 */
public final class SignalingNode implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SignalingNode.class);

    private final NodeId id;
    private final Stores stores;
    private final NodeServices services;
    private final SessionRegistry registry = new SessionRegistry();
    private final SignalRouter router;
    private final Map<AppId, AppService> apps = new ConcurrentHashMap<>();
    private final AutoCloseable inbox;
    private final LongAdder rateLimited = new LongAdder();

    /** Creates a node and subscribes its inbox on {@code stores}' bus. */
    public SignalingNode(NodeId id, Stores stores, NodeServices services) {
        this.id = requireNonNull(id, "id");
        this.stores = requireNonNull(stores, "stores");
        this.services = requireNonNull(services, "services");
        this.router = new SignalRouter(id, registry, stores.bus(), stores.directory());
        this.inbox = stores.bus().subscribe(id, router::deliverLocal);
    }

    /** Registers the service of {@code app}; each app is registered once, before its first session. */
    public void register(AppId app, AppService service) {
        if (apps.putIfAbsent(app, service) != null) {
            throw new IllegalStateException("app registered twice: " + app);
        }
    }

    /** Opens a session of {@code app} for a client at {@code address}; the app greets it through {@code sink}. */
    public Session open(AppId app, ClientAddress address, String userAgent, String initialName, PeerSink sink) {
        AppService service = service(app);
        CoreLimits limits = services.limits();
        Session session;
        do {
            SessionInfo info = new SessionInfo(
                    service.newSessionId(services.ids()),
                    app,
                    id,
                    address,
                    userAgent,
                    services.clock().instant(),
                    initialName,
                    SessionInfo.NO_HANDSHAKE);
            session = new Session(info, sink, new TokenBucket(limits.messagesPerSecond(), limits.messageBurst()));
        } while (!registry.tryAdd(session)); // a short app id format can collide, however rarely
        stores.directory().register(session.id(), id);
        service.connected(session);
        return session;
    }

    /**
     * Opens a session with an id the transport chose (Socket.IO answers CONNECT with the id before the app greets
     * the session). Returns null when the id is taken.
     */
    public @Nullable Session open(
            AppId app,
            SessionId sessionId,
            ClientAddress address,
            String userAgent,
            String initialName,
            RawJson handshake,
            PeerSink sink) {
        AppService service = service(app);
        CoreLimits limits = services.limits();
        SessionInfo info = new SessionInfo(
                sessionId, app, id, address, userAgent, services.clock().instant(), initialName, handshake);
        Session session = new Session(info, sink, new TokenBucket(limits.messagesPerSecond(), limits.messageBurst()));
        if (!registry.tryAdd(session)) {
            return null;
        }
        stores.directory().register(session.id(), id);
        service.connected(session);
        return session;
    }

    /** Applies the shared limits to {@code command} and hands it to the session's app. Never throws. */
    public void handle(Session session, Command command) {
        long start = System.nanoTime();
        if (!session.messageRate().tryAcquire(start)) {
            rateLimited.increment();
            session.sink().send(new Event.Failed(ErrorCode.RATE_LIMITED, null));
            return;
        }
        try {
            service(session.app()).handle(session, command);
        } catch (RuntimeException e) {
            log.warn("command {} from {} failed", command.getClass().getSimpleName(), session, e);
            session.sink().send(new Event.Failed(ErrorCode.INTERNAL, null));
        }
        if (command instanceof Command.Relay || command instanceof Command.SignalPeer) {
            services.metrics().relayHandled(session.app(), System.nanoTime() - start);
        }
    }

    /** Closes {@code session}'s state: it leaves its rooms and its peers are told. Idempotent. Never throws. */
    public void closed(Session session) {
        if (!registry.remove(session)) {
            return;
        }
        stores.directory().unregister(session.id());
        try {
            service(session.app()).disconnected(session);
        } catch (RuntimeException e) {
            log.warn("disconnect of {} failed", session, e);
        }
    }

    /**
     * {@code dead} stopped heartbeating: every app tells this node's sessions that their peers there are gone.
     * Never throws.
     */
    public void nodeLost(NodeId dead) {
        if (dead.equals(id)) {
            return;
        }
        for (Map.Entry<AppId, AppService> app : apps.entrySet()) {
            try {
                app.getValue().nodeLost(dead);
            } catch (RuntimeException e) {
                log.warn("{} could not handle the loss of node {}", app.getKey(), dead, e);
            }
        }
    }

    /**
     * This node claimed the clean-up of a dead node that held {@code lost}: every app removes them from the shared
     * store and tells their peers, and the directory forgets them. Never throws.
     */
    public void cleanUpAfter(NodeId dead, Collection<SessionId> lost) {
        for (Map.Entry<AppId, AppService> app : apps.entrySet()) {
            try {
                app.getValue().sessionsLost(lost);
            } catch (RuntimeException e) {
                log.warn("{} could not clean up after node {}", app.getKey(), dead, e);
            }
        }
        for (SessionId session : lost) {
            stores.directory().unregister(session);
        }
    }

    /** This node's id. */
    public NodeId id() {
        return id;
    }

    /** The sessions on this node. */
    public SessionRegistry sessions() {
        return registry;
    }

    /** The router, for app services. */
    public SignalRouter router() {
        return router;
    }

    /** The backend. */
    public Stores stores() {
        return stores;
    }

    /** Clock, ids, scheduler, telemetry, limits and metrics. */
    public NodeServices services() {
        return services;
    }

    /** The service of {@code app}. */
    public AppService service(AppId app) {
        AppService service = apps.get(app);
        if (service == null) {
            throw new IllegalArgumentException("app: " + app + " (expected: one of " + apps.keySet() + ")");
        }
        return service;
    }

    /** How many commands were refused for the message rate, since start. */
    public long rateLimitedCount() {
        return rateLimited.sum();
    }

    @Override
    public void close() {
        try {
            inbox.close();
        } catch (Exception e) {
            log.warn("closing the inbox of {} failed", id, e);
        }
    }

    /**
     * The injected services a node and its apps use.
     *
     * @param clock wall time for timestamps
     * @param ids random ids and codes
     * @param scheduler delayed tasks
     * @param telemetry structured events
     * @param limits the shared limits
     * @param metrics relay counts and timings for the server's metrics
     */
    public record NodeServices(
            Clock clock,
            IdGenerator ids,
            TaskScheduler scheduler,
            Telemetry telemetry,
            CoreLimits limits,
            CoreMetrics metrics) {
        /** All fields are required. */
        public NodeServices {
            requireNonNull(clock, "clock");
            requireNonNull(ids, "ids");
            requireNonNull(scheduler, "scheduler");
            requireNonNull(telemetry, "telemetry");
            requireNonNull(limits, "limits");
            requireNonNull(metrics, "metrics");
        }

        /** Services that record no metrics ({@link CoreMetrics#NOOP}). */
        public NodeServices(
                Clock clock, IdGenerator ids, TaskScheduler scheduler, Telemetry telemetry, CoreLimits limits) {
            this(clock, ids, scheduler, telemetry, limits, CoreMetrics.NOOP);
        }
    }
}
