package org.parley.core.client.sip;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.SubscriptionStateHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.core.sip.SipErrors;
import org.parley.core.sip.SipRequests;
import org.parley.core.sip.UserAgent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscription (RFC 6665) as a dialog of our own: SUBSCRIBE, NOTIFYs routed here by Call-ID, in-dialog refresh
 * at 80 % of the granted time, a fresh SUBSCRIBE when the notifier forgot us (481, terminated with a reason that
 * allows it) and after a reconnection. Engine thread only.
 */
final class SipSubscription implements ConnectionSupervisor.Resumable {
    private static final Logger LOG = LoggerFactory.getLogger(SipSubscription.class);

    /** What the subscriber does with each NOTIFY (already answered 200). */
    interface NotifyHandler {
        void onNotify(Request notify);
    }

    private final UserAgent ua;
    private final SipRequests requests;
    private final Engine engine;
    private final SubscriptionRouter router;
    private final String target;
    private final String event;
    private final Map<String, String> headers;
    private final Duration expires;
    private final NotifyHandler handler;
    private final Consumer<Throwable> failures;
    private String callId;
    private String localTag;
    private String remoteTag;
    private String remoteTarget;
    private long cseq;
    private ScheduledFuture<?> refresh;
    private boolean wanted;

    SipSubscription(UserAgent ua, SipRequests requests, Engine engine, SubscriptionRouter router, String target,
                    String event, Map<String, String> headers, Duration expires, NotifyHandler handler,
                    Consumer<Throwable> failures) {
        this.ua = ua;
        this.requests = requests;
        this.engine = engine;
        this.router = router;
        this.target = target;
        this.event = event;
        this.headers = Map.copyOf(headers);
        this.expires = expires;
        this.handler = handler;
        this.failures = failures;
    }

    String target() {
        return target;
    }

    /** A fresh subscription; completes when the notifier accepted it (2xx). */
    CompletableFuture<Void> start() {
        wanted = true;
        forgetDialog();
        callId = requests.newCallId();
        localTag = SipRequests.newTag();
        cseq = 1;
        router.add(callId, this);
        return subscribe(expires.toSeconds());
    }

    private CompletableFuture<Void> subscribe(long seconds) {
        Request r = requests.create(Request.SUBSCRIBE, remoteTarget != null ? remoteTarget : target, target, remoteTag,
                callId, cseq, localTag);
        requests.header(r, "Event", event);
        requests.header(r, ExpiresHeader.NAME, Long.toString(seconds));
        headers.forEach((k, v) -> requests.header(r, k, v));
        String sentCallId = callId;
        return ua.send(r).thenCompose(resp -> {
            if (!sentCallId.equals(callId)) {
                return CompletableFuture.completedFuture(null);
            }
            cseq = ((CSeqHeader) resp.getHeader(CSeqHeader.NAME)).getSeqNumber() + 1;
            int s = resp.getStatusCode();
            if (s / 100 != 2) {
                return CompletableFuture.failedFuture(SipErrors.forResponse("subscription to " + event + " of " + target, resp));
            }
            String tag = ((ToHeader) resp.getHeader(ToHeader.NAME)).getTag();
            if (remoteTag == null && tag != null) {
                remoteTag = tag;
            }
            ContactHeader contact = (ContactHeader) resp.getHeader(ContactHeader.NAME);
            if (contact != null) {
                remoteTarget = contact.getAddress().getURI().toString();
            }
            if (seconds > 0) {
                ExpiresHeader e = resp.getExpires();
                scheduleRefresh(Duration.ofSeconds(e != null && e.getExpires() > 0 ? e.getExpires() : seconds));
            }
            return CompletableFuture.completedFuture(null);
        });
    }

    private void scheduleRefresh(Duration granted) {
        cancelRefresh();
        refresh = engine.schedule(this::refreshNow, ClientTuning.refreshAfter(granted));
    }

    private void refreshNow() {
        if (!wanted || callId == null) {
            return;
        }
        subscribe(expires.toSeconds()).whenComplete((v, e) -> {
            if (e == null) {
                return;
            }
            org.parley.core.error.ParleyException p = Engine.parley(e);
            if (p.code() == org.parley.core.error.ErrorCode.NETWORK_FAILURE) {
                failures.accept(p);
            } else {
                LOG.debug("refresh of {} {} failed ({}); subscribing afresh", event, target, p.getMessage());
                start().whenComplete((x, e2) -> {
                    if (e2 != null) {
                        failures.accept(e2);
                    }
                });
            }
        });
    }

    void onNotify(UserAgent.Incoming in) {
        Request n = in.request();
        ua.reply(in, Response.OK);
        String tag = ((FromHeader) n.getHeader(FromHeader.NAME)).getTag();
        if (remoteTag == null && tag != null) {
            remoteTag = tag;
        }
        ContactHeader contact = (ContactHeader) n.getHeader(ContactHeader.NAME);
        if (contact != null) {
            URI u = contact.getAddress().getURI();
            remoteTarget = u.toString();
        }
        try {
            if (n.getRawContent() != null && n.getRawContent().length > 0) {
                handler.onNotify(n);
            }
        } catch (RuntimeException e) {
            LOG.warn("could not read a {} NOTIFY from {}: {}", event, target, e.toString());
        }
        SubscriptionStateHeader state = (SubscriptionStateHeader) n.getHeader(SubscriptionStateHeader.NAME);
        if (state != null && SubscriptionStateHeader.TERMINATED.equalsIgnoreCase(state.getState())) {
            String reason = state.getReasonCode() == null ? "" : state.getReasonCode().toLowerCase(Locale.ROOT);
            forgetDialog();
            if (wanted && !reason.equals("rejected") && !reason.equals("noresource") && !reason.equals("invariant")) {
                long wait = state.getRetryAfter() > 0 ? state.getRetryAfter() : 1;
                engine.schedule(() -> {
                    if (wanted && callId == null) {
                        start().whenComplete((v, e) -> {
                            if (e != null) {
                                failures.accept(e);
                            }
                        });
                    }
                }, Duration.ofSeconds(wait));
            } else {
                wanted = false;
            }
        }
    }

    private void cancelRefresh() {
        if (refresh != null) {
            refresh.cancel(false);
            refresh = null;
        }
    }

    private void forgetDialog() {
        cancelRefresh();
        if (callId != null) {
            router.remove(callId);
        }
        callId = null;
        remoteTag = null;
        remoteTarget = null;
    }

    @Override
    public void suspend() {
        forgetDialog();
    }

    @Override
    public void resume() {
        if (wanted) {
            start().whenComplete((v, e) -> {
                if (e != null) {
                    failures.accept(e);
                }
            });
        }
    }

    /** Ends the subscription (Expires: 0); completes whatever the answer. */
    CompletableFuture<Void> stop() {
        wanted = false;
        if (callId == null) {
            return CompletableFuture.completedFuture(null);
        }
        cancelRefresh();
        String id = callId;
        return subscribe(0).handle((v, e) -> {
            router.remove(id);
            return null;
        });
    }
}
