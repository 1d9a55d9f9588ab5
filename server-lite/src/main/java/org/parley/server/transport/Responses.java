package org.parley.server.transport;

import java.text.ParseException;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds and sends responses, statefully when there is a server transaction, statelessly otherwise. */
public final class Responses {
    private static final Logger LOG = LoggerFactory.getLogger(Responses.class);

    private final SipFactories factories;
    private final SipProvider provider;

    public Responses(SipFactories factories, SipProvider provider) {
        this.factories = factories;
        this.provider = provider;
    }

    /** A response with a To tag derived from the request (the same for retransmissions of one request). */
    public Response create(Request request, int status, String reason) {
        try {
            Response r = factories.messages().createResponse(status, request);
            if (reason != null) {
                r.setReasonPhrase(reason);
            }
            ToHeader to = (ToHeader) r.getHeader(ToHeader.NAME);
            if (to != null && to.getTag() == null && status > 100) {
                to.setTag(localTag(request));
            }
            return r;
        } catch (ParseException e) {
            throw new IllegalStateException("cannot build a " + status + " response", e);
        }
    }

    private static String localTag(Request request) {
        String callId = String.valueOf(request.getHeader("Call-ID"));
        return "pl" + Integer.toHexString(callId.hashCode() * 31 + request.getMethod().hashCode());
    }

    public void send(ServerTransaction tx, Response response) {
        try {
            if (tx != null) {
                tx.sendResponse(response);
            } else {
                provider.sendResponse(response);
            }
        } catch (SipException | InvalidArgumentException | RuntimeException e) {
            LOG.debug("could not send {} response: {}", response.getStatusCode(), e.getMessage());
        }
    }

    public void reply(ServerTransaction tx, Request request, int status, String reason) {
        send(tx, create(request, status, reason));
    }

    /**
     * The request's server transaction, created if the stack made none; null when there must be no answer from us:
     * a retransmission the stack already handles, or a request the stack cannot track (answered 400 here, saying why).
     */
    public ServerTransaction serverTransaction(javax.sip.RequestEvent event) {
        if (event.getServerTransaction() != null) {
            return event.getServerTransaction();
        }
        try {
            return provider.getNewServerTransaction(event.getRequest());
        } catch (javax.sip.TransactionAlreadyExistsException e) {
            return null;
        } catch (javax.sip.TransactionUnavailableException e) {
            LOG.debug("no server transaction for {}: {}", event.getRequest().getMethod(), e.getMessage());
            reply(null, event.getRequest(), Response.BAD_REQUEST, e.getMessage());
            return null;
        }
    }

}
