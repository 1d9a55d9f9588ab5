package org.parley.server.proxy;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.server.cdr.CallDetails;
import org.parley.server.routing.CallRouter;
import org.parley.server.routing.RoutePlan;
import org.parley.server.routing.VoicemailDesk;
import org.parley.server.transport.Responses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One INVITE for a local user carried out along its {@link RoutePlan}: refused, handed to voicemail, or rung on its
 * legs with the unanswered rule armed (a ring timer of the rule's seconds; when it fires, or when every leg failed
 * without a decision, the branches are cancelled and the call goes to the next plan). Sends 181 to the caller when
 * the call leaves the dialled user's devices, and keeps the call's detail record.
 */
final class CallFlow implements ForkContext.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(CallFlow.class);

    /** Marks an INVITE server transaction handed to voicemail (a CANCEL then gets 487 here). */
    static final Object TAKEN_BY_VOICEMAIL = new Object();

    /** Starts a fork for legs of this call (the proxy's job: Via, Record-Route, History-Info). */
    interface Legs {
        ForkContext start(ServerTransaction server, Request original, List<RoutePlan.Leg> legs, ForkContext.Listener listener)
                throws Exception;

        /** Adds legs to a fork that is still ringing (a manager's delegates after the delay). */
        void add(ForkContext fork, List<RoutePlan.Leg> legs);
    }

    private final CallRouter router;
    private final VoicemailDesk voicemail;
    private final Responses responses;
    private final ScheduledExecutorService timers;
    private final ServerTransaction server;
    private final Request original;
    private final CallDetails.Call record;
    private final Legs legs;
    private final DelegatedCalls delegation;
    private volatile RoutePlan.Ring current;
    /** Whether the current ring's later legs were started (after the delay, or early when every leg failed). */
    private boolean laterStarted;
    private boolean forwardNoticeSent;

    CallFlow(CallRouter router, VoicemailDesk voicemail, Responses responses, ScheduledExecutorService timers,
             ServerTransaction server, Request original, CallDetails.Call record, Legs legs, DelegatedCalls delegation) {
        this.delegation = delegation;
        this.router = router;
        this.voicemail = voicemail;
        this.responses = responses;
        this.timers = timers;
        this.server = server;
        this.original = original;
        this.record = record;
        this.legs = legs;
    }

    void execute(RoutePlan plan) {
        if (plan instanceof RoutePlan.Refuse r) {
            record.routed(null, r.forwardingReason());
            responses.reply(server, original, r.status(), r.reason());
            record.finished(r.status(), r.outcome());
        } else if (plan instanceof RoutePlan.Voicemail v) {
            toVoicemail(v);
        } else if (plan instanceof RoutePlan.Ring g) {
            ring(g);
        }
    }

    private void toVoicemail(RoutePlan.Voicemail v) {
        record.routed("voicemail:" + v.user(), v.reason());
        forwardNotice();
        server.setApplicationData(TAKEN_BY_VOICEMAIL);
        try {
            voicemail.takeCall(server, original, v.user(), v.reason());
            record.finished(Response.OK, true);
        } catch (RuntimeException e) {
            LOG.warn("voicemail could not take a call for {}: {}", v.user(), e.toString());
            responses.reply(server, original, Response.TEMPORARILY_UNAVAILABLE, "Voicemail unavailable");
            record.finished(Response.TEMPORARILY_UNAVAILABLE, false);
        }
    }

    private void ring(RoutePlan.Ring g) {
        synchronized (this) {
            current = g;
            laterStarted = false;
        }
        record.routed(describe(g), g.forwardingReason());
        if (g.forwarded() && !"simultaneous-ring".equals(g.forwardingReason())) {
            forwardNotice();
        }
        ForkContext fork;
        try {
            fork = legs.start(server, original, g.legs(), this);
        } catch (Exception e) {
            LOG.debug("cannot ring {}: {}", g.owner(), e.getMessage());
            responses.reply(server, original, Response.SERVER_INTERNAL_ERROR, "Cannot route the call");
            record.finished(Response.SERVER_INTERNAL_ERROR, false);
            return;
        }
        if (g.hasFallback() && g.ringSeconds() > 0) {
            fork.setRingTimer(timers.schedule(fork::ringTimeout, g.ringSeconds(), TimeUnit.SECONDS));
        }
        if (!g.laterLegs().isEmpty()) {
            timers.schedule(() -> {
                if (fork.open() && startLater(g)) {
                    legs.add(fork, g.laterLegs());
                }
            }, g.laterSeconds(), TimeUnit.SECONDS);
        }
    }

    private synchronized boolean startLater(RoutePlan.Ring g) {
        if (current != g || laterStarted) {
            return false;
        }
        laterStarted = true;
        return true;
    }

    /** Every leg failed before the delay (busy, unreachable): the delegates still to come ring now. */
    @Override
    public Runnable moreLegs(ForkContext fork) {
        RoutePlan.Ring ring = current;
        if (ring == null || ring.laterLegs().isEmpty() || !startLater(ring)) {
            return null;
        }
        return () -> legs.add(fork, ring.laterLegs());
    }

    /** The first 2xx came from a branch: a delegate answering for a manager tells the manager's endpoints. */
    @Override
    public void answered(int index) {
        RoutePlan.Ring ring;
        synchronized (this) {
            ring = current;
        }
        if (ring == null || index < 0) {
            return;
        }
        int n = ring.legs().size();
        RoutePlan.Leg leg = index < n ? ring.legs().get(index)
                : index - n < ring.laterLegs().size() ? ring.laterLegs().get(index - n) : null;
        if (leg != null && leg.onBehalfOf() != null) {
            // not under the fork's lock: the notice goes out on the timer thread
            timers.execute(() -> {
                try {
                    delegation.answeredBy(leg.onBehalfOf(), ring.caller(), leg.user());
                } catch (RuntimeException e) {
                    LOG.warn("could not tell {} who answered: {}", leg.onBehalfOf(), e.toString());
                }
            });
        }
    }

    /** 181 Call Is Being Forwarded (RFC 3261 §21.1.3), once per call. */
    private void forwardNotice() {
        synchronized (this) {
            if (forwardNoticeSent) {
                return;
            }
            forwardNoticeSent = true;
        }
        responses.send(server, responses.create(original, Response.CALL_IS_BEING_FORWARDED, null));
    }

    @Override
    public void finalSent(int status) {
        record.finished(status, false);
    }

    @Override
    public Runnable fallback(boolean timedOut) {
        RoutePlan.Ring ring;
        synchronized (this) {
            ring = current;
        }
        if (ring == null) {
            return null;
        }
        return router.unanswered(ring, timedOut).<Runnable>map(next -> () -> execute(next)).orElse(null);
    }

    private static String describe(RoutePlan.Ring g) {
        List<RoutePlan.Step> path = g.path();
        return path.get(path.size() - 1).aor();
    }
}
