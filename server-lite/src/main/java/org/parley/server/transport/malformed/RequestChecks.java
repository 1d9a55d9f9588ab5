package org.parley.server.transport.malformed;

import gov.nist.javax.sip.message.SIPRequest;
import java.util.Locale;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.RouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.server.transport.LocalDomain;

/**
 * Checks on a parsed request that JAIN-SIP does not make, run by the dispatcher before any handler: the SIP
 * version (505), the Request-URI scheme (416) and escaped headers in it (400), and in-dialog requests this server
 * is not on the route of (403: relaying them would make server-lite an open relay towards any host they name).
 */
public final class RequestChecks {
    /** A refusal: the status to answer with and why. */
    public record Rejection(int status, String reason) {
    }

    private final LocalDomain domain;

    public RequestChecks(LocalDomain domain) {
        this.domain = domain;
    }

    /** The refusal for this request, or null when it may go on to its handler. */
    public Rejection check(Request request) {
        if (request instanceof SIPRequest sip && sip.getRequestLine() != null
                && !"SIP/2.0".equalsIgnoreCase(sip.getRequestLine().getSipVersion())) {
            return new Rejection(Response.VERSION_NOT_SUPPORTED, "Only SIP/2.0 is supported");
        }
        URI target = request.getRequestURI();
        String scheme = target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("sip") && !scheme.equals("sips")) {
            return new Rejection(Response.UNSUPPORTED_URI_SCHEME, "Unsupported URI scheme " + scheme);
        }
        if (target instanceof SipURI sipUri && sipUri.getHeaderNames().hasNext()) {
            return new Rejection(Response.BAD_REQUEST, "Headers in the Request-URI");
        }
        if (((ToHeader) request.getHeader(ToHeader.NAME)).getTag() != null && !onOurRoute(request)) {
            return new Rejection(Response.FORBIDDEN, "Not on the route of this dialog");
        }
        return null;
    }

    /**
     * True when an in-dialog request comes to us as a hop of its route set: its top Route names us (we
     * record-routed the dialog), or its Request-URI is ours (a strict router, or a request for a local target).
     */
    private boolean onOurRoute(Request request) {
        RouteHeader top = (RouteHeader) request.getHeader(RouteHeader.NAME);
        if (top != null) {
            return top.getAddress().getURI() instanceof SipURI sip && domain.isMe(sip);
        }
        return domain.isLocal(request.getRequestURI());
    }
}
