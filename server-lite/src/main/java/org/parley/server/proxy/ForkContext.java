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

    private final ServerTransaction server;
    private final boolean invite;
    private final SipProvider provider;
    private final Responses responses;
    private final List<Branch> branches = new ArrayList<>();
    private Response best;
    private boolean finalSent;
    private ScheduledFuture<?> timerC;

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

    synchronized void setTimerC(ScheduledFuture<?> timer) {
        this.timerC = timer;
    }

    synchronized void onProvisional(Branch b, Response response) {
        b.provisional = true;
        if (b.cancelWanted) {
            sendCancel(b);
        }
        if (finalSent || response.getStatusCode() == Response.TRYING) {
            return;
        }
        responses.send(server, upstream(response));
    }

    synchronized void onFinal(Branch b, Response response) {
        if (b.done) {
            return;
        }
        b.done = true;
        int status = response.getStatusCode();
        if (status / 100 == 2) {
            Response up = upstream(response);
            // the first 2xx completes the server transaction; later ones (other forks) go statelessly
            responses.send(finalSent ? null : server, up);
            finalSent = true;
            cancelOthers();
            return;
        }
        if (status >= 600) {
            cancelOthers();
        }
        if (ResponseRanking.better(response, best)) {
            best = response;
        }
        if (!finalSent && allDone()) {
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
