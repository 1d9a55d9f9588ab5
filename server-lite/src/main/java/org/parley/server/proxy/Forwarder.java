package org.parley.server.proxy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.util.HexFormat;
import java.util.ListIterator;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.address.Hop;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.RouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import org.parley.server.transport.ContactRouter;
import org.parley.server.transport.LocalDomain;
import org.parley.server.transport.SipFactories;

/**
 * Prepares requests for forwarding (RFC 3261 §16.4–16.6): route pre-processing, Max-Forwards, our Via with a
 * branch that carries a loop-detection hash, and Record-Route (two entries when the transport changes).
 */
final class Forwarder {
    static final String BRANCH_PREFIX = "z9hG4bKpl";

    private final LocalDomain domain;
    private final SipFactories factories;
    private final ContactRouter router;
    private final AtomicLong counter = new AtomicLong();

    Forwarder(LocalDomain domain, SipFactories factories, ContactRouter router) {
        this.domain = domain;
        this.factories = factories;
        this.router = router;
    }

    /**
     * The loop-detection hash of a request as received (RFC 3261 §16.6 step 8 / §16.3 step 4): over the
     * Request-URI, From tag, To tag, Call-ID and CSeq number, so a spiral with a new Request-URI is not a loop.
     */
    static String loopHash(Request request) {
        String from = ((FromHeader) request.getHeader(FromHeader.NAME)).getTag();
        String to = ((ToHeader) request.getHeader(ToHeader.NAME)).getTag();
        String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        long cseq = ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber();
        String text = request.getRequestURI() + "|" + from + "|" + to + "|" + callId + "|" + cseq;
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when one of the request's Via entries is ours and carries this request's loop hash. */
    boolean isLoop(Request request, String hash) {
        ListIterator<?> vias = request.getHeaders(ViaHeader.NAME);
        while (vias.hasNext()) {
            ViaHeader v = (ViaHeader) vias.next();
            String branch = v.getBranch();
            if (branch != null && branch.startsWith(BRANCH_PREFIX + hash) && isOurSentBy(v)) {
                return true;
            }
        }
        return false;
    }

    boolean isOurVia(ViaHeader v) {
        return v != null && v.getBranch() != null && v.getBranch().startsWith(BRANCH_PREFIX) && isOurSentBy(v);
    }

    private boolean isOurSentBy(ViaHeader v) {
        if (!domain.isLocalHost(v.getHost())) {
            return false;
        }
        int port = v.getPort();
        return port <= 0 || port == domain.sipPort() || port == domain.tlsPort();
    }

    /**
     * Route pre-processing (RFC 3261 §16.4): a strict-routing Request-URI naming us is replaced by the last Route;
     * then every top Route naming us is removed. Decrements Max-Forwards (adding 70 when absent).
     */
    void preprocess(Request request) throws InvalidArgumentException, SipException {
        URI ruri = request.getRequestURI();
        if (ruri instanceof SipURI sip && sip.getUser() == null && domain.isMe(sip)) {
            RouteHeader last = lastRoute(request);
            if (last != null) {
                request.setRequestURI(last.getAddress().getURI());
                removeLastRoute(request);
            }
        }
        while (true) {
            RouteHeader top = (RouteHeader) request.getHeader(RouteHeader.NAME);
            if (top != null && top.getAddress().getURI() instanceof SipURI sip && domain.isMe(sip)) {
                request.removeFirst(RouteHeader.NAME);
            } else {
                break;
            }
        }
        MaxForwardsHeader mf = (MaxForwardsHeader) request.getHeader(MaxForwardsHeader.NAME);
        if (mf == null) {
            request.addHeader(factories.headers().createMaxForwardsHeader(70));
        } else {
            mf.decrementMaxForwards();
        }
    }

    private static RouteHeader lastRoute(Request request) {
        RouteHeader last = null;
        ListIterator<?> it = request.getHeaders(RouteHeader.NAME);
        while (it.hasNext()) {
            last = (RouteHeader) it.next();
        }
        return last;
    }

    private static void removeLastRoute(Request request) {
        java.util.List<RouteHeader> keep = new java.util.ArrayList<>();
        request.getHeaders(RouteHeader.NAME).forEachRemaining(h -> keep.add((RouteHeader) h));
        keep.remove(keep.size() - 1);
        request.removeHeader(RouteHeader.NAME);
        keep.forEach(request::addHeader);
    }

    /**
     * A copy of {@code template} for one target: Request-URI set, our Via on top, and Record-Route when asked.
     * {@code inboundTransport} is the transport the request arrived on.
     */
    Request forTarget(Request template, URI target, String hash, boolean recordRoute, String inboundTransport)
            throws ParseException, InvalidArgumentException, SipException {
        Request r = (Request) template.clone();
        r.setRequestURI((URI) target.clone());
        Hop hop = router.getNextHop(r);
        String transport = hop.getTransport().toLowerCase(Locale.ROOT);
        if (recordRoute) {
            if (!transport.equals(inboundTransport)) {
                r.addFirst(recordRoute(inboundTransport));
            }
            r.addFirst(recordRoute(transport));
        }
        r.addFirst(via(transport, BRANCH_PREFIX + hash + "." + Long.toHexString(counter.incrementAndGet())));
        return r;
    }

    /** Adds our Via for a stateless forward (ACK for 2xx) and returns the request. */
    Request forStateless(Request request, String hash) throws ParseException, InvalidArgumentException, SipException {
        Hop hop = router.getNextHop(request);
        request.addFirst(via(hop.getTransport().toLowerCase(Locale.ROOT), BRANCH_PREFIX + hash + ".s"));
        return request;
    }

    /** True when the request's next hop is this server (forwarding it would talk to ourselves). */
    boolean nextHopIsMe(Request request) {
        Hop hop = router.getNextHop(request);
        return domain.isLocalHost(hop.getHost()) && domain.portFor(hop.getTransport()) == hop.getPort();
    }

    private ViaHeader via(String transport, String branch) throws ParseException, InvalidArgumentException {
        return factories.headers().createViaHeader(domain.advertisedHost(), domain.portFor(transport), transport, branch);
    }

    private RecordRouteHeader recordRoute(String transport) throws ParseException {
        SipURI uri = factories.addresses().createSipURI(null, domain.advertisedHost());
        uri.setPort(domain.portFor(transport));
        uri.setTransportParam(transport);
        uri.setLrParam();
        return factories.headers().createRecordRouteHeader(factories.addresses().createAddress(uri));
    }
}
