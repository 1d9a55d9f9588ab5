package org.parley.server.events;

import gov.nist.javax.sip.stack.HopImpl;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.address.SipURI;
import javax.sip.header.EventHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.server.auth.Gatekeeper;
import org.parley.server.policy.Aors;
import org.parley.server.transport.ContactRouter;
import org.parley.server.transport.LocalService;
import org.parley.server.transport.Outbound;
import org.parley.server.transport.RequestSource;
import org.parley.server.transport.Responses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's notifier (RFC 6665) for its own event packages: answers SUBSCRIBE (407 for strangers, 404 for no
 * such resource, 423 below the minimum expiry, the package's refusals), keeps the dialogs, sends NOTIFYs in order —
 * at most one outstanding per subscription, later changes coalesced into the next one — refreshes, expires and
 * terminates subscriptions. Each subscription's work runs on one thread chosen by its id.
 */
public final class SubscriptionManager implements LocalService, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionManager.class);

    /** Expiry limits and default in seconds. */
    public record Limits(int minExpires, int defaultExpires, int maxExpires) {
    }

    private final Map<String, EventPackage> packages = new ConcurrentHashMap<>();
    private final Map<String, NotifierDialog> byId = new ConcurrentHashMap<>();
    private final Map<String, Set<NotifierDialog>> byResource = new ConcurrentHashMap<>();
    private final Gatekeeper gatekeeper;
    private final Responses responses;
    private final Outbound outbound;
    private final SipProvider provider;
    private final ContactRouter router;
    private final Clock clock;
    private final Limits limits;
    private final ExecutorService[] stripes;

    public SubscriptionManager(Gatekeeper gatekeeper, Responses responses, Outbound outbound, SipProvider provider,
                               ContactRouter router, Clock clock, Limits limits, int threads) {
        this.gatekeeper = gatekeeper;
        this.responses = responses;
        this.outbound = outbound;
        this.provider = provider;
        this.router = router;
        this.clock = clock;
        this.limits = limits;
        this.stripes = new ExecutorService[Math.max(1, threads)];
        for (int i = 0; i < stripes.length; i++) {
            int n = i;
            stripes[i] = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "parley-notifier-" + n);
                t.setDaemon(true);
                return t;
            });
        }
    }

    public void register(EventPackage eventPackage) {
        packages.put(eventPackage.name().toLowerCase(Locale.ROOT), eventPackage);
    }

    @Override
    public boolean accepts(Request request) {
        if (!Request.SUBSCRIBE.equals(request.getMethod())) {
            return false;
        }
        EventHeader event = (EventHeader) request.getHeader(EventHeader.NAME);
        if (event == null || !packages.containsKey(event.getEventType().toLowerCase(Locale.ROOT))) {
            return false;
        }
        // initial SUBSCRIBEs for users of other domains are the proxy's; in-dialog ones are ours (or get 481)
        return ((ToHeader) request.getHeader(ToHeader.NAME)).getTag() != null
                || outbound.domain().isLocal(request.getRequestURI());
    }

    @Override
    public void handle(RequestEvent event) {
        Request request = event.getRequest();
        ServerTransaction tx = responses.serverTransaction(event);
        if (tx == null) {
            return;
        }
        EventHeader eventHeader = (EventHeader) request.getHeader(EventHeader.NAME);
        EventPackage pkg = packages.get(eventHeader.getEventType().toLowerCase(Locale.ROOT));
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        int expires = requestedExpires(request);
        if (expires > 0 && expires < limits.minExpires()) {
            Response r = responses.create(request, Response.INTERVAL_TOO_BRIEF, null);
            addHeader(r, "Min-Expires", String.valueOf(limits.minExpires()));
            responses.send(tx, r);
            return;
        }
        expires = Math.min(expires, limits.maxExpires());
        if (to.getTag() != null) {
            refresh(tx, request, expires);
        } else {
            subscribe(tx, request, pkg, eventHeader, expires);
        }
    }

    private void subscribe(ServerTransaction tx, Request request, EventPackage pkg, EventHeader eventHeader, int expires) {
        Optional<String> user = gatekeeper.admit(tx, request, true);
        if (user.isEmpty()) {
            return;
        }
        if (!(request.getRequestURI() instanceof SipURI ruri)) {
            responses.reply(tx, request, Response.UNSUPPORTED_URI_SCHEME, null);
            return;
        }
        String resource = pkg.resourceKey(ruri);
        if (resource == null) {
            responses.reply(tx, request, Response.NOT_FOUND, null);
            return;
        }
        EventPackage.Refusal refusal = pkg.admit(user.get(), resource, request);
        if (refusal != null) {
            Response r = responses.create(request, refusal.status(), refusal.reason());
            for (String h : refusal.headers()) {
                int colon = h.indexOf(':');
                addHeader(r, h.substring(0, colon).trim(), h.substring(colon + 1).trim());
            }
            responses.send(tx, r);
            return;
        }
        String contact = NotifierDialog.contactUri(request);
        if (contact == null) {
            responses.reply(tx, request, Response.BAD_REQUEST, "SUBSCRIBE without a Contact");
            return;
        }
        // the authenticated user in our domain, whatever host the From header names
        String subscriberAor = Aors.of(user.get(), outbound.domain().domain());
        String localTag = outbound.newTag();
        String id = NotifierDialog.idOf(request, localTag);
        long expiresAt = clock.millis() + expires * 1000L;
        Subscription s = new Subscription(id, pkg.name(), user.get(), subscriberAor, resource, expiresAt);
        NotifierDialog d = new NotifierDialog(this, s, pkg, request, localTag, eventHeader.getEventId());
        RequestSource source = RequestSource.of(request);
        router.pin(contact, new HopImpl(source.host(), source.port(), source.transport()));
        Response ok = okResponse(request, localTag, expires, source.transport());
        responses.send(tx, ok);
        if (expires == 0) {
            // a fetch (RFC 6665 §4.4.3): one NOTIFY with the state, then nothing
            d.terminate("timeout", true);
            return;
        }
        byId.put(id, d);
        byResource.computeIfAbsent(key(pkg.name(), resource), k -> ConcurrentHashMap.newKeySet()).add(d);
        LOG.debug("subscription {} active for {} s", s, expires);
        run(d, () -> {
            pkg.onSubscribed(s);
            d.markFull();
        });
    }

    private void refresh(ServerTransaction tx, Request request, int expires) {
        String id = NotifierDialog.idOfInDialog(request);
        NotifierDialog d = byId.get(id);
        if (d == null) {
            responses.reply(tx, request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null);
            return;
        }
        responses.send(tx, okResponse(request, d.localTag(), expires, RequestSource.of(request).transport()));
        if (expires == 0) {
            run(d, () -> d.terminate("timeout", true));
        } else {
            d.subscription().expiresAtMillis(clock.millis() + expires * 1000L);
            run(d, d::markFull);
        }
    }

    /** The package's state for this resource changed: every subscription to it gets a NOTIFY (coalesced). */
    public void changed(String event, String resourceKey) {
        Set<NotifierDialog> set = byResource.get(key(event, resourceKey));
        if (set != null) {
            for (NotifierDialog d : set) {
                run(d, d::markDirty);
            }
        }
    }

    /** This subscription needs a NOTIFY (e.g. one resource of its list changed). */
    public void changed(Subscription subscription) {
        NotifierDialog d = byId.get(subscription.id());
        if (d != null) {
            run(d, d::markDirty);
        }
    }

    public List<Subscription> subscriptions(String event, String resourceKey) {
        Set<NotifierDialog> set = byResource.get(key(event, resourceKey));
        List<Subscription> out = new ArrayList<>();
        if (set != null) {
            set.forEach(d -> out.add(d.subscription()));
        }
        return out;
    }

    /** All active subscriptions of one package. */
    public List<Subscription> subscriptions(String event) {
        List<Subscription> out = new ArrayList<>();
        for (NotifierDialog d : byId.values()) {
            if (d.subscription().event().equalsIgnoreCase(event)) {
                out.add(d.subscription());
            }
        }
        return out;
    }

    /** Ends a subscription from the server side (e.g. the resource is gone) with a final NOTIFY. */
    public void terminate(Subscription subscription, String reason) {
        NotifierDialog d = byId.get(subscription.id());
        if (d != null) {
            run(d, () -> d.terminate(reason, true));
        }
    }

    /** Ends subscriptions whose time is up; called by the server's timer every few seconds. */
    public void expire() {
        long now = clock.millis();
        for (NotifierDialog d : byId.values()) {
            if (d.subscription().expiresAtMillis() <= now) {
                run(d, () -> d.terminate("timeout", true));
            }
        }
    }

    public int size() {
        return byId.size();
    }

    // ---- used by NotifierDialog

    void removed(NotifierDialog d) {
        byId.remove(d.subscription().id());
        Set<NotifierDialog> set = byResource.get(key(d.subscription().event(), d.subscription().resourceKey()));
        if (set != null) {
            set.remove(d);
        }
        router.unpin(d.remoteTarget());
    }

    void run(NotifierDialog d, Runnable task) {
        int stripe = Math.floorMod(d.subscription().id().hashCode(), stripes.length);
        try {
            stripes[stripe].execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("subscription {} failed: {}", d.subscription(), e.toString(), e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("notifier stopped; dropping work for {}", d.subscription());
        }
    }

    Outbound outbound() {
        return outbound;
    }

    Clock clock() {
        return clock;
    }

    int secondsLeft(Subscription s) {
        return (int) Math.max(0, (s.expiresAtMillis() - clock.millis() + 999) / 1000);
    }

    private Response okResponse(Request request, String localTag, int expires, String transport) {
        Response ok = responses.create(request, Response.OK, null);
        try {
            ((ToHeader) ok.getHeader(ToHeader.NAME)).setTag(localTag);
            ok.setHeader(outbound.factories().headers().createExpiresHeader(expires));
            ok.setHeader(outbound.factories().headers().createContactHeader(
                    outbound.factories().addresses().createAddress(NotifierDialog.serverContact(outbound, transport))));
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
        return ok;
    }

    private int requestedExpires(Request request) {
        ExpiresHeader h = (ExpiresHeader) request.getHeader(ExpiresHeader.NAME);
        return h == null ? limits.defaultExpires() : Math.max(0, h.getExpires());
    }

    private void addHeader(Response r, String name, String value) {
        try {
            r.addHeader(outbound.factories().headers().createHeader(name, value));
        } catch (ParseException e) {
            throw new IllegalArgumentException("bad header " + name + ": " + value, e);
        }
    }

    private static String key(String event, String resource) {
        return event.toLowerCase(Locale.ROOT) + '|' + resource;
    }


    /** Stops the notifier threads (no final NOTIFYs: subscribers re-subscribe when their refresh fails). */
    @Override
    public void close() {
        for (ExecutorService s : stripes) {
            s.shutdownNow();
        }
        for (ExecutorService s : stripes) {
            try {
                s.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
