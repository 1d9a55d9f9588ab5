package org.parley.server.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import javax.sip.ClientTransaction;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.server.transport.Responses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request proxied statefully to one or more targets (parallel forking, RFC 3261 §16.7): provisional responses
 * go upstream at once; the first 2xx goes upstream and the other INVITE branches are cancelled; every further 2xx
 * is forwarded too (statelessly); otherwise the best final response is sent when every branch has finished.
 */
final class ForkContext {
    private static final Logger LOG = LoggerFactory.getLogger(ForkContext.class);

    /** One client transaction of the fork. */
    static final class Branch {
        final ForkContext context;
        final Request request;
        ClientTransaction transaction;
        boolean provisional;
        boolean done;
        boolean cancelWanted;

        Branch(ForkContext context, Request request) {
            this.context = context;
            this.request = request;
        }
    }

    /** What a routed call does around the fork: hears the final answer, may send the call elsewhere instead. */
    interface Listener {
        /** The caller got this final status from the fork (the first 2xx, or the best failure). */
        void finalSent(int status);

        /**
         * What to do instead of answering the caller, when the ring time is over ({@code timedOut}) or every branch
         * failed without a user's decision; null to let the fork end as usual.
         */
        Runnable fallback(boolean timedOut);

        /** The branch added {@code index}-th (from 0, in the order added) gave the first 2xx. */
        default void answered(int index) {
        }

        /**
         * Every branch failed, none with a 6xx: legs still to come (a manager's delegates after the delay) may start
         * now instead. Returns what adds them to {@code fork} (run outside the fork's lock), or null when there are none.
         */
        default Runnable moreLegs(ForkContext fork) {
            return null;
        }

        /** Whether a 6xx from one branch cancels the others (RFC 3261 §16.7); a ring group keeps them ringing. */
        default boolean declineEndsFork() {
            return true;
        }
    }

    private final ServerTransaction server;
    private final boolean invite;
    private final SipProvider provider;
    private final Responses responses;
    private final List<Branch> branches = new ArrayList<>();
    private Response best;
    private boolean finalSent;
    private ScheduledFuture<?> timerC;
    private ScheduledFuture<?> ringTimer;
    private Listener listener;
    /** The call went elsewhere (fallback): this fork's branches are being cancelled and answer nobody. */
    private boolean diverted;
    private boolean callerCancelled;

    ForkContext(ServerTransaction server, Request original, SipProvider provider, Responses responses) {
        this.server = server;
        this.invite = Request.INVITE.equals(original.getMethod());
        this.provider = provider;
        this.responses = responses;
    }

    synchronized Branch addBranch(Request request) {
        Branch b = new Branch(this, request);
        branches.add(b);
        return b;
    }

    /** Whether branches may still be added: nobody answered, the caller did not cancel, the call went nowhere else. */
    synchronized boolean open() {
        return !finalSent && !diverted && !callerCancelled;
    }

    synchronized void setTimerC(ScheduledFuture<?> timer) {
        this.timerC = timer;
    }

    synchronized void setListener(Listener listener) {
        this.listener = listener;
    }

    synchronized void setRingTimer(ScheduledFuture<?> timer) {
        this.ringTimer = timer;
    }

    /** The ring time of the callee's rule is over: if the call has somewhere else to go, cancel and go there. */
    void ringTimeout() {
        Runnable fallback;
        synchronized (this) {
            if (finalSent || diverted || listener == null) {
                return;
            }
            fallback = listener.fallback(true);
            if (fallback == null) {
                return;
            }
            diverted = true;
            cancelOthers();
        }
        fallback.run();
    }

    synchronized void onProvisional(Branch b, Response response) {
        b.provisional = true;
        if (b.cancelWanted) {
            sendCancel(b);
        }
        if (finalSent || diverted || response.getStatusCode() == Response.TRYING) {
            return;
        }
        responses.send(server, upstream(response));
    }

    void onFinal(Branch b, Response response) {
        Runnable fallback = onFinalLocked(b, response);
        if (fallback != null) {
            fallback.run();
        }
    }

    private synchronized Runnable onFinalLocked(Branch b, Response response) {
        if (b.done) {
            return null;
        }
        b.done = true;
        int status = response.getStatusCode();
        if (status / 100 == 2) {
            Response up = upstream(response);
            // the first 2xx completes the server transaction; later ones (other forks, or a branch that answered
            // while the call was being sent elsewhere) go statelessly
            boolean first = !finalSent && !diverted;
            responses.send(first ? server : null, up);
            finalSent = finalSent || !diverted;
            cancelOthers();
            if (first && listener != null) {
                listener.answered(branches.indexOf(b));
                listener.finalSent(status);
            }
            return null;
        }
        if (diverted) {
            return null;
        }
        if (status >= 600 && (listener == null || listener.declineEndsFork())) {
            cancelOthers();
        }
        if (ResponseRanking.better(response, best)) {
            best = response;
        }
        if (!finalSent && allDone()) {
            if (listener != null && !callerCancelled && best.getStatusCode() < 600) {
                Runnable more = listener.moreLegs(this);
                if (more != null) {
                    return more;
                }
            }
            if (listener != null && !callerCancelled && unanswered(best.getStatusCode())) {
                Runnable fallback = listener.fallback(false);
                if (fallback != null) {
                    diverted = true;
                    cancelOthers();
                    return fallback;
                }
            }
            Response up = upstream(best);
            if (up.getStatusCode() == Response.SERVICE_UNAVAILABLE) {
                // RFC 3261 §16.7 step 6: a 503 from downstream means that server, not us; say 500
                try {
                    up.setStatusCode(Response.SERVER_INTERNAL_ERROR);
                } catch (java.text.ParseException e) {
                    throw new IllegalStateException(e);
                }
            }
            responses.send(server, up);
            finalSent = true;
            cancelTimerC();
            if (listener != null) {
                listener.finalSent(up.getStatusCode());
            }
        }
        return null;
    }

    /** A failure that is not a user's decision (busy, decline) nor a redirect: nobody could take the call. */
    private static boolean unanswered(int status) {
        return status == Response.REQUEST_TIMEOUT || status == Response.TEMPORARILY_UNAVAILABLE
                || status == Response.NOT_FOUND || status == Response.GONE || status >= 500 && status < 600;
    }

    /** The caller's CANCEL: cancel every branch; the call goes nowhere else. */
    synchronized void callerCancelled() {
        callerCancelled = true;
        cancelOthers();
        if (invite && !finalSent && !diverted && !branches.isEmpty() && allDone()) {
            // every branch had failed and more were about to start: nothing is left to answer the caller with 487
            responses.reply(server, server.getRequest(), Response.REQUEST_TERMINATED, null);
            finalSent = true;
            if (listener != null) {
                listener.finalSent(Response.REQUEST_TERMINATED);
            }
        }
    }

    /** Upstream CANCEL or Timer C: cancel every INVITE branch still pending. */
    synchronized void cancelAll() {
        cancelOthers();
    }

    private void cancelOthers() {
        cancelTimerC();
        if (!invite) {
            return;
        }
        for (Branch b : branches) {
            if (!b.done && !b.cancelWanted) {
                b.cancelWanted = true;
                if (b.provisional) {
                    sendCancel(b);
                }
            }
        }
    }

    private void sendCancel(Branch b) {
        if (b.transaction == null) {
            return;
        }
        try {
            Request cancel = b.transaction.createCancel();
            provider.getNewClientTransaction(cancel).sendRequest();
        } catch (SipException | RuntimeException e) {
            LOG.debug("could not cancel a branch: {}", e.getMessage());
        }
    }

    private void cancelTimerC() {
        if (timerC != null) {
            timerC.cancel(false);
            timerC = null;
        }
        if (ringTimer != null) {
            ringTimer.cancel(false);
            ringTimer = null;
        }
    }

    private boolean allDone() {
        for (Branch b : branches) {
            if (!b.done) {
                return false;
            }
        }
        return true;
    }

    private static Response upstream(Response r) {
        Response copy = (Response) r.clone();
        copy.removeFirst(ViaHeader.NAME);
        return copy;
    }
}
