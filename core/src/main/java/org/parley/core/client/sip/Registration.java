package org.parley.core.client.sip;

import java.time.Duration;
import java.util.ListIterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.MinExpiresHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.core.error.ParleyException;
import org.parley.core.sip.SipErrors;
import org.parley.core.sip.SipRequests;
import org.parley.core.sip.UserAgent;

/**
 * The client's registration (RFC 3261 §10): one Call-ID for its lifetime, refreshed at 80 % of the granted time;
 * a failed refresh reports the server lost. Engine thread only.
 */
final class Registration {
    private final UserAgent ua;
    private final SipRequests requests;
    private final Engine engine;
    private final String domainUri;
    private final Duration wanted;
    private final String callId;
    private final String tag = SipRequests.newTag();
    private long cseq = 1;
    private ScheduledFuture<?> refresh;
    private Consumer<ParleyException> onLost = e -> { };

    Registration(UserAgent ua, SipRequests requests, Engine engine, String domain, Duration wanted) {
        this.ua = ua;
        this.requests = requests;
        this.engine = engine;
        this.domainUri = "sip:" + domain;
        this.wanted = wanted;
        this.callId = requests.newCallId();
    }

    void onLost(Consumer<ParleyException> handler) {
        this.onLost = handler;
    }

    /** Registers (or refreshes); completes when the server accepted it. */
    CompletableFuture<Void> register() {
        return send(wanted.toSeconds(), true).thenAccept(granted -> scheduleRefresh(granted));
    }

    private CompletableFuture<Duration> send(long expires, boolean retryTooBrief) {
        Request r = requests.create(Request.REGISTER, domainUri, requests.aor(), null, callId, cseq, tag);
        requests.header(r, ExpiresHeader.NAME, Long.toString(expires));
        return ua.send(r).thenCompose(response -> {
            cseq = Math.max(cseq, ((javax.sip.header.CSeqHeader) response.getHeader(javax.sip.header.CSeqHeader.NAME))
                    .getSeqNumber()) + 1;
            int s = response.getStatusCode();
            if (s == Response.INTERVAL_TOO_BRIEF && retryTooBrief) {
                MinExpiresHeader min = (MinExpiresHeader) response.getHeader(MinExpiresHeader.NAME);
                if (min != null) {
                    return send(min.getExpires(), false);
                }
            }
            if (s / 100 != 2) {
                return CompletableFuture.failedFuture(SipErrors.forRegister(response));
            }
            return CompletableFuture.completedFuture(Duration.ofSeconds(granted(response, expires)));
        });
    }

    /** The expiry the server granted our contact (its expires parameter, else Expires, else what we asked). */
    private long granted(Response response, long asked) {
        String mine = requests.contact().getAddress().getURI().toString();
        ListIterator<?> it = response.getHeaders(ContactHeader.NAME);
        while (it.hasNext()) {
            ContactHeader c = (ContactHeader) it.next();
            if (c.getAddress().getURI().toString().equalsIgnoreCase(mine) && c.getExpires() > 0) {
                return c.getExpires();
            }
        }
        ExpiresHeader e = response.getExpires();
        return e != null && e.getExpires() > 0 ? e.getExpires() : asked;
    }

    private void scheduleRefresh(Duration granted) {
        cancelRefresh();
        refresh = engine.schedule(() -> register().whenComplete((v, e) -> {
            if (e != null) {
                onLost.accept(Engine.parley(e));
            }
        }), ClientTuning.refreshAfter(granted));
    }

    private void cancelRefresh() {
        if (refresh != null) {
            refresh.cancel(false);
            refresh = null;
        }
    }

    /** Stops refreshing (the server is lost; a new register() follows). */
    void suspend() {
        cancelRefresh();
    }

    /** Removes the binding (Expires: 0); completes even when the server does not answer. */
    CompletableFuture<Void> unregister() {
        cancelRefresh();
        return send(0, false).handle((v, e) -> null);
    }
}
