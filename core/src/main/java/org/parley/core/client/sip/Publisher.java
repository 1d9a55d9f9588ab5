package org.parley.core.client.sip;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;
import java.util.function.BooleanSupplier;
import javax.sip.header.ExpiresHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.core.presence.PidfCodec;
import org.parley.core.sip.SipErrors;
import org.parley.core.sip.SipMessages;
import org.parley.core.sip.SipRequests;
import org.parley.core.sip.UserAgent;

/**
 * This device's presence publication (RFC 3903): PUBLISH with the PIDF, the entity tag kept for refreshes
 * (no body) and modifications, a fresh publication after 412 or a reconnection. One PUBLISH at a time: later
 * changes queue behind it. Engine thread only.
 */
final class Publisher implements ConnectionSupervisor.Resumable {
    private final UserAgent ua;
    private final SipRequests requests;
    private final Engine engine;
    private final Duration expires;
    private final BooleanSupplier signedIn;
    private final Consumer<Throwable> failures;
    private byte[] desired;
    private String etag;
    private ScheduledFuture<?> refresh;
    private CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);

    Publisher(UserAgent ua, SipRequests requests, Engine engine, Duration expires, BooleanSupplier signedIn,
              Consumer<Throwable> failures) {
        this.ua = ua;
        this.requests = requests;
        this.engine = engine;
        this.expires = expires;
        this.signedIn = signedIn;
        this.failures = failures;
    }

    /** Publishes this document now (or at the next sign-in when signed out). */
    CompletableFuture<Void> publish(byte[] pidf) {
        desired = pidf;
        if (!signedIn.getAsBoolean()) {
            return CompletableFuture.completedFuture(null);
        }
        return enqueue(() -> send(desired, expires.toSeconds(), true));
    }

    private CompletableFuture<Void> enqueue(java.util.function.Supplier<CompletableFuture<Void>> step) {
        CompletableFuture<Void> next = chain.handle((v, e) -> null).thenCompose(x -> step.get());
        chain = next;
        return next;
    }

    private CompletableFuture<Void> send(byte[] body, long seconds, boolean retryFresh) {
        Request r = requests.outOfDialog(Request.PUBLISH, requests.aor());
        requests.header(r, "Event", "presence");
        requests.header(r, ExpiresHeader.NAME, Long.toString(seconds));
        if (etag != null) {
            requests.header(r, "SIP-If-Match", etag);
        }
        if (body != null) {
            requests.body(r, PidfCodec.CONTENT_TYPE, body);
        }
        String usedTag = etag;
        return ua.send(r).thenCompose(resp -> {
            int s = resp.getStatusCode();
            if (s == Response.CONDITIONAL_REQUEST_FAILED && usedTag != null && retryFresh && seconds > 0) {
                etag = null;
                return send(desired, seconds, false);
            }
            if (s / 100 != 2) {
                return CompletableFuture.failedFuture(SipErrors.forResponse("presence publication", resp));
            }
            if (seconds == 0) {
                etag = null;
                cancelRefresh();
                return CompletableFuture.completedFuture(null);
            }
            String tag = SipMessages.header(resp, "SIP-ETag");
            if (tag != null) {
                etag = tag;
            }
            ExpiresHeader e = resp.getExpires();
            scheduleRefresh(Duration.ofSeconds(e != null && e.getExpires() > 0 ? e.getExpires() : seconds));
            return CompletableFuture.completedFuture(null);
        });
    }

    private void scheduleRefresh(Duration granted) {
        cancelRefresh();
        refresh = engine.schedule(() -> enqueue(() -> etag == null ? send(desired, expires.toSeconds(), true)
                : send(null, expires.toSeconds(), true)).whenComplete((v, e) -> {
                    if (e != null) {
                        failures.accept(e);
                    }
                }), ClientTuning.refreshAfter(granted));
    }

    private void cancelRefresh() {
        if (refresh != null) {
            refresh.cancel(false);
            refresh = null;
        }
    }

    /** Removes the publication (sign-out); completes whatever the answer. */
    CompletableFuture<Void> remove() {
        cancelRefresh();
        if (etag == null) {
            return CompletableFuture.completedFuture(null);
        }
        return enqueue(() -> send(null, 0, false)).handle((v, e) -> null);
    }

    @Override
    public void suspend() {
        cancelRefresh();
        etag = null;
        chain = CompletableFuture.completedFuture(null);
    }

    @Override
    public void resume() {
        if (desired != null) {
            enqueue(() -> send(desired, expires.toSeconds(), true)).whenComplete((v, e) -> {
                if (e != null) {
                    failures.accept(e);
                }
            });
        }
    }
}
