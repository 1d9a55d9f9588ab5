package org.parley.core.client.sip;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import javax.sip.message.Request;
import org.parley.core.client.UcClient.ConnectionListener;
import org.parley.core.client.UcClient.ConnectionState;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;
import org.parley.core.sip.Backoff;
import org.parley.core.sip.SipRequests;
import org.parley.core.sip.UserAgent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection state machine: SIGNING_IN → SIGNED_IN; a lost server (failed refresh, failed keep-alive,
 * transport error) → RECONNECTING with exponential back-off, then re-register and resume every
 * {@link Resumable} (publication, subscriptions) → SIGNED_IN. Engine thread only, except {@link #state}.
 */
final class ConnectionSupervisor {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionSupervisor.class);

    /** Something that lives on the server while signed in and must be set up again after a reconnection. */
    interface Resumable {
        /** The server is gone: stop refresh timers, forget server-side state (dialogs, entity tags). */
        void suspend();

        /** Signed in (again): establish it afresh. */
        void resume();
    }

    private final Engine engine;
    private final Registration registration;
    private final UserAgent ua;
    private final SipRequests requests;
    private final ClientTuning tuning;
    private final Listeners<ConnectionListener> listeners;
    private final Backoff backoff;
    private final String serverUri;
    private final List<Resumable> resumables = new CopyOnWriteArrayList<>();
    private volatile ConnectionState state = ConnectionState.SIGNED_OUT;
    private ScheduledFuture<?> keepAlive;
    /** The server run last seen in a keep-alive answer (null before the first). */
    private String serverBoot;
    private ScheduledFuture<?> retry;
    private boolean probing;

    ConnectionSupervisor(Engine engine, Registration registration, UserAgent ua, SipRequests requests,
                         ClientTuning tuning, Listeners<ConnectionListener> listeners, String serverUri) {
        this.engine = engine;
        this.registration = registration;
        this.ua = ua;
        this.requests = requests;
        this.tuning = tuning;
        this.listeners = listeners;
        this.backoff = new Backoff(tuning.backoffInitial(), tuning.backoffMax());
        this.serverUri = serverUri;
        registration.onLost(this::lost);
        ua.onConnectionProblem(this::probe);
    }

    void add(Resumable r) {
        resumables.add(r);
    }

    void remove(Resumable r) {
        resumables.remove(r);
    }

    ConnectionState state() {
        return state;
    }

    boolean signedIn() {
        return state == ConnectionState.SIGNED_IN;
    }

    private void setState(ConnectionState s, ParleyException error) {
        if (state == s) {
            return;
        }
        state = s;
        LOG.debug("connection state {}{}", s, error == null ? "" : " (" + error.getMessage() + ")");
        listeners.fire(l -> l.onConnectionState(s, error));
    }

    /** First registration; on success every resumable is started. */
    CompletableFuture<Void> signIn() {
        if (state != ConnectionState.SIGNED_OUT) {
            return CompletableFuture.failedFuture(new ParleyException(ErrorCode.INVALID_ARGUMENT,
                    "already " + state.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')));
        }
        setState(ConnectionState.SIGNING_IN, null);
        return registration.register().whenComplete((v, e) -> {
            if (e != null) {
                setState(ConnectionState.SIGNED_OUT, Engine.parley(e));
            } else {
                backoff.reset();
                setState(ConnectionState.SIGNED_IN, null);
                startKeepAlive();
                resumables.forEach(Resumable::resume);
            }
        });
    }

    /** The server is unreachable (or refused a refresh): reconnect with back-off. */
    void lost(ParleyException error) {
        if (state != ConnectionState.SIGNED_IN) {
            return;
        }
        LOG.info("lost the server: {}", error.getMessage());
        stopKeepAlive();
        ua.endpoint().dropServerConnection();
        serverBoot = null; // whichever run answers after the reconnection is the one we are signed in to
        registration.suspend();
        resumables.forEach(Resumable::suspend);
        setState(ConnectionState.RECONNECTING, error);
        scheduleAttempt();
    }

    /** Failures of refreshes and requests pass through here: network ones mean the server is lost. */
    void failed(Throwable e) {
        ParleyException p = Engine.parley(e);
        if (p.code() == ErrorCode.NETWORK_FAILURE) {
            lost(p);
        }
    }

    private void scheduleAttempt() {
        java.time.Duration wait = backoff.nextDelay();
        LOG.debug("reconnecting in {} ms", wait.toMillis());
        retry = engine.schedule(this::attempt, wait);
    }

    private void attempt() {
        if (state != ConnectionState.RECONNECTING) {
            return;
        }
        registration.register().whenComplete((v, e) -> {
            if (state != ConnectionState.RECONNECTING) {
                return;
            }
            if (e != null) {
                LOG.debug("reconnection attempt failed: {}", Engine.unwrap(e).getMessage());
                scheduleAttempt();
                return;
            }
            backoff.reset();
            setState(ConnectionState.SIGNED_IN, null);
            startKeepAlive();
            resumables.forEach(Resumable::resume);
        });
    }

    private void startKeepAlive() {
        stopKeepAlive();
        // the first probe at once: it learns which run of the server we signed in to (X-Parley-Boot)
        keepAlive = engine.thread().scheduleWithFixedDelay(() -> engine.execute(this::probe),
                0, tuning.keepAlive().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private void stopKeepAlive() {
        if (keepAlive != null) {
            keepAlive.cancel(false);
            keepAlive = null;
        }
    }

    /**
     * OPTIONS to the server process itself ({@code sip:host:port}): any answer means it is there; none, lost.
     */
    void probe() {
        if (state != ConnectionState.SIGNED_IN || probing) {
            return;
        }
        probing = true;
        ua.send(requests.outOfDialog(Request.OPTIONS, serverUri)).whenComplete((r, e) -> {
            probing = false;
            if (e != null) {
                lost(Engine.parley(e));
                return;
            }
            javax.sip.header.Header boot = r.getHeader("X-Parley-Boot");
            String id = boot instanceof javax.sip.header.ExtensionHeader x ? x.getValue() : null;
            if (id != null && serverBoot != null && !id.equals(serverBoot)) {
                // the server restarted in between: it kept our registration but not our publications/subscriptions
                serverBoot = id;
                lost(new ParleyException(ErrorCode.NETWORK_FAILURE, "the server restarted"));
                return;
            }
            if (id != null) {
                serverBoot = id;
            }
        });
    }

    /** Signed out by the user: timers stop; the caller unregisters. */
    void signedOut() {
        stopKeepAlive();
        if (retry != null) {
            retry.cancel(false);
        }
        registration.suspend();
        resumables.forEach(Resumable::suspend);
        setState(ConnectionState.SIGNED_OUT, null);
    }
}
