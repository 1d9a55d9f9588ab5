package org.parley.server.transport;

import java.text.ParseException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.address.Address;
import javax.sip.address.Hop;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests the server originates itself (NOTIFY, delivery of stored MESSAGEs, multiparty fan-out): builds them with
 * our Via and sends them on a client transaction whose final response (or timeout, as 408) goes to a callback.
 * The dispatcher routes responses of these transactions here and everything else to the proxy.
 */
public final class Outbound {
    private static final Logger LOG = LoggerFactory.getLogger(Outbound.class);
    static final String BRANCH_PREFIX = "z9hG4bKpo";

    /** Receives the final response of one request (408 for a timeout or when it could not be sent). */
    @FunctionalInterface
    public interface Callback {
        void onFinal(Response response);
    }

    private final SipProvider provider;
    private final SipFactories factories;
    private final LocalDomain domain;
    private final ContactRouter router;
    private final Responses responses;
    private final AtomicLong counter = new AtomicLong();

    public Outbound(SipProvider provider, SipFactories factories, LocalDomain domain, ContactRouter router, Responses responses) {
        this.provider = provider;
        this.factories = factories;
        this.domain = domain;
        this.router = router;
        this.responses = responses;
    }

    public SipFactories factories() {
        return factories;
    }

    public LocalDomain domain() {
        return domain;
    }

    /** A fresh Call-ID for a request outside any dialog. */
    public CallIdHeader newCallId() {
        return provider.getNewCallId();
    }

    /** A random tag for a From or To header. */
    public String newTag() {
        return "pl" + Long.toHexString(System.nanoTime()) + Long.toHexString(counter.incrementAndGet());
    }

    /**
     * A new request outside a dialog (e.g. MESSAGE delivery): From with a new tag, To without tag, CSeq 1,
     * Max-Forwards 70. The Via is added by {@link #send}.
     */
    public Request newRequest(String method, URI requestUri, Address from, Address to) {
        try {
            FromHeader f = factories.headers().createFromHeader(from, newTag());
            ToHeader t = factories.headers().createToHeader(to, null);
            CSeqHeader cseq = factories.headers().createCSeqHeader(1L, method);
            MaxForwardsHeader mf = factories.headers().createMaxForwardsHeader(70);
            return factories.messages().createRequest(requestUri, method, newCallId(), cseq, f, t,
                    new java.util.ArrayList<ViaHeader>(), mf);
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalArgumentException("cannot build " + method + ": " + e.getMessage(), e);
        }
    }

    /**
     * Adds our Via (transport chosen by the next hop: Route, registered contact source, pinned source, or the URI)
     * and sends the request statefully. The callback runs on a stack thread; keep it short.
     */
    public void send(Request request, Callback callback) {
        try {
            Hop hop = router.getNextHop(request);
            String transport = hop.getTransport().toLowerCase(Locale.ROOT);
            request.removeHeader(ViaHeader.NAME);
            request.addFirst(factories.headers().createViaHeader(domain.advertisedHost(), domain.portFor(transport),
                    transport, BRANCH_PREFIX + Long.toHexString(counter.incrementAndGet()) + Long.toHexString(System.nanoTime())));
            ClientTransaction ct = provider.getNewClientTransaction(request);
            ct.setApplicationData(callback);
            ct.sendRequest();
        } catch (SipException | ParseException | InvalidArgumentException | RuntimeException e) {
            LOG.debug("cannot send {} to {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
            callback.onFinal(responses.create(request, Response.REQUEST_TIMEOUT, "Unreachable"));
        }
    }

    /** Routes a final response of one of our transactions to its callback; false when it is not ours. */
    boolean onResponse(ClientTransaction ct, Response response) {
        Object data = ct == null ? null : ct.getApplicationData();
        if (!(data instanceof Callback cb)) {
            return false;
        }
        if (response.getStatusCode() >= 200) {
            cb.onFinal(response);
        }
        return true;
    }

    /** Routes a timeout of one of our transactions to its callback as a 408; false when it is not ours. */
    boolean onTimeout(ClientTransaction ct) {
        Object data = ct == null ? null : ct.getApplicationData();
        if (!(data instanceof Callback cb)) {
            return false;
        }
        cb.onFinal(responses.create(ct.getRequest(), Response.REQUEST_TIMEOUT, null));
        return true;
    }
}
