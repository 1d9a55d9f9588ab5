package org.parley.server.proxy;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.address.URI;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.server.transport.Responses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the branches of a proxied request (RFC 3261 §16.6), each a client transaction of one {@link ForkContext}
 * that answers the server transaction, and adds branches to a fork under way (forwarding rules, ring groups). An
 * INVITE's fork is cancelled by timer C after {@value #TIMER_C_SECONDS} s.
 */
final class Forks implements RoutedLegs.Branches {
    private static final Logger LOG = LoggerFactory.getLogger(Forks.class);
    private static final long TIMER_C_SECONDS = 180;

    private final SipProvider provider;
    private final Responses responses;
    private final ScheduledExecutorService timers;
    private final Forwarder forwarder;

    Forks(SipProvider provider, Responses responses, ScheduledExecutorService timers, Forwarder forwarder) {
        this.provider = provider;
        this.responses = responses;
        this.timers = timers;
        this.forwarder = forwarder;
    }

    /** Forks {@code template} to {@code targets}, recording the route when asked and the request creates a dialog. */
    ForkContext fork(ServerTransaction server, Request original, Request template, List<URI> targets, String hash,
                     boolean recordRoute, String inbound, ForkContext.Listener listener)
            throws ParseException, InvalidArgumentException, SipException {
        List<Request> outs = new ArrayList<>(targets.size());
        for (URI target : targets) {
            outs.add(forwarder.forTarget(template, target, hash, recordRoute && isDialogCreating(original), inbound));
        }
        return fork(server, original, outs, listener);
    }

    /** Sends the prepared requests as the branches of one fork answering {@code server}. */
    @Override
    public ForkContext fork(ServerTransaction server, Request original, List<Request> outs,
                            ForkContext.Listener listener) {
        ForkContext context = new ForkContext(server, original, provider, responses);
        context.setListener(listener);
        server.setApplicationData(context);
        List<ForkContext.Branch> started = new ArrayList<>();
        for (Request out : outs) {
            started.add(context.addBranch(out));
        }
        if (Request.INVITE.equals(original.getMethod())) {
            context.setTimerC(timers.schedule(context::cancelAll, TIMER_C_SECONDS, TimeUnit.SECONDS));
        }
        send(context, started);
        return context;
    }

    /** Adds branches to a fork already under way (nothing when it was answered, cancelled or diverted meanwhile). */
    @Override
    public void add(ForkContext context, List<Request> outs) {
        List<ForkContext.Branch> started = new ArrayList<>();
        synchronized (context) {
            if (!context.open()) {
                return;
            }
            for (Request out : outs) {
                started.add(context.addBranch(out));
            }
        }
        send(context, started);
    }

    private void send(ForkContext context, List<ForkContext.Branch> started) {
        for (ForkContext.Branch b : started) {
            try {
                ClientTransaction ct = provider.getNewClientTransaction(b.request);
                ct.setApplicationData(b);
                synchronized (context) {
                    b.transaction = ct;
                }
                ct.sendRequest();
            } catch (SipException | RuntimeException e) {
                LOG.debug("cannot reach {}: {}", b.request.getRequestURI(), e.getMessage());
                context.onFinal(b, responses.create(b.request, Response.TEMPORARILY_UNAVAILABLE, "Contact unreachable"));
            }
        }
    }

    private static boolean isDialogCreating(Request r) {
        String m = r.getMethod();
        return Request.INVITE.equals(m) || Request.SUBSCRIBE.equals(m) || Request.REFER.equals(m)
                || Request.NOTIFY.equals(m);
    }
}
