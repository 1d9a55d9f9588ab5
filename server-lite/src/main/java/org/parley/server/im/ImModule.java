package org.parley.server.im;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sip.SipProvider;
import org.parley.server.auth.Gatekeeper;
import org.parley.server.policy.AccessPolicy;
import org.parley.server.policy.PresenceStates;
import org.parley.server.registrar.BindingTable;
import org.parley.server.service.ServiceOp;
import org.parley.server.store.Database;
import org.parley.server.transport.LocalDomain;
import org.parley.server.transport.Outbound;
import org.parley.server.transport.Responses;
import org.parley.server.users.Cards;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IM services built and connected in one place for the composition root: the MESSAGE relay (a
 * {@link org.parley.server.transport.LocalService}), stored-message delivery (listening to registrations and presence
 * states) and multiparty sessions (restored from the store, with their SERVICE ops).
 */
public final class ImModule {
    private static final Logger LOG = LoggerFactory.getLogger(ImModule.class);
    /** How often stored messages are retried for registered users besides the event triggers (first after 2 s). */
    static final Duration RETRY_PERIOD = Duration.ofMinutes(5);

    /**
     * @param maxBytes        largest body accepted (413 above)
     * @param sessionMax      most participants per session
     * @param deliveryTimeout how long to wait for a device's 2xx before storing
     */
    public record Limits(int maxBytes, int sessionMax, Duration deliveryTimeout) {
    }

    /** The server parts IM uses. */
    public record Parts(Database db, LocalDomain domain, Gatekeeper gatekeeper, Responses responses, SipProvider provider,
                        Outbound outbound, BindingTable bindings, Cards cards, AccessPolicy access, PresenceStates presence,
                        ScheduledExecutorService executor, Clock clock) {
    }

    private final ImRelay relay;
    private final ChatSessions sessions;

    private ImModule(ImRelay relay, ChatSessions sessions) {
        this.relay = relay;
        this.sessions = sessions;
    }

    /** Builds the services, restores sessions and registers the delivery listeners. */
    public static ImModule start(Parts p, Limits limits) {
        ImStore store = new ImStore(p.db());
        MessageRequests requests = new MessageRequests(p.outbound());
        ContactFanout fanout = new ContactFanout(p.outbound(), p.executor(), limits.deliveryTimeout());
        StoredDelivery delivery = new StoredDelivery(store, p.bindings(), p.presence(), fanout, requests, p.executor());
        MessageRouter router = new MessageRouter(store, p.bindings(), p.access(), p.presence(), fanout, requests, delivery);
        ChatSessions sessions = new ChatSessions(new ChatStore(p.db()), router, p.cards(), p.domain(), limits.sessionMax(),
                p.clock());
        sessions.load();
        ImRelay relay = new ImRelay(p.domain(), p.gatekeeper(), p.responses(), p.provider(), p.cards(), router, sessions,
                limits.maxBytes(), p.clock());
        p.bindings().addListener(delivery);
        p.presence().addListener(delivery);
        p.executor().scheduleWithFixedDelay(() -> {
            try {
                delivery.retryAll();
            } catch (RuntimeException e) {
                LOG.warn("retrying stored messages failed: {}", e.toString());
            }
        }, 2, RETRY_PERIOD.toSeconds(), TimeUnit.SECONDS);
        return new ImModule(relay, sessions);
    }

    /** The MESSAGE service; offer it after the presence and SERVICE endpoints. */
    public ImRelay relay() {
        return relay;
    }

    /** chat.create, chat.invite and chat.leave for the SERVICE endpoint. */
    public List<ServiceOp> serviceOps() {
        return sessions.serviceOps();
    }
}
