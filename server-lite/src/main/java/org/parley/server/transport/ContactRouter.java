package org.parley.server.transport;

import gov.nist.javax.sip.stack.HopImpl;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javax.sip.SipStack;
import javax.sip.address.Hop;
import javax.sip.address.Router;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.RouteHeader;
import javax.sip.message.Request;

/**
 * Next-hop choice for every request the server sends (JAIN-SIP's {@code javax.sip.ROUTER_PATH}):
 * the top Route if any; otherwise, when the Request-URI is a registered contact, the address that
 * registration came from (so clients behind NAT, or on a TCP/TLS connection they opened, are reached
 * where they really are); otherwise the Request-URI itself.
 * JAIN-SIP creates this class by reflection; the server attaches the contact lookup after stack creation.
 */
public final class ContactRouter implements Router {
    private volatile Function<String, Optional<Hop>> contactLookup = uri -> Optional.empty();
    private final java.util.concurrent.ConcurrentHashMap<String, Hop> pinned = new java.util.concurrent.ConcurrentHashMap<>();

    /** Called by JAIN-SIP's stack through reflection. */
    public ContactRouter(SipStack stack, String outboundProxy) {
        // no outbound proxy: the server routes by itself
    }

    /** Sets how a Request-URI (its {@code toString()}) maps to the hop a registration came from. */
    public void attach(Function<String, Optional<Hop>> lookup) {
        this.contactLookup = lookup;
    }

    /**
     * Remembers where requests to a contact URI that is not registered must go (e.g. a subscriber's Contact: the
     * address its SUBSCRIBE came from). Registered contacts take precedence. Call {@link #unpin} when done.
     */
    public void pin(String contactUri, Hop source) {
        pinned.put(contactUri, source);
    }

    public void unpin(String contactUri) {
        pinned.remove(contactUri);
    }

    @Override
    public Hop getNextHop(Request request) {
        RouteHeader route = (RouteHeader) request.getHeader(RouteHeader.NAME);
        if (route != null) {
            return hopFor(route.getAddress().getURI());
        }
        URI target = request.getRequestURI();
        String key = target.toString();
        return contactLookup.apply(key).orElseGet(() -> {
            Hop p = pinned.get(key);
            return p != null ? p : hopFor(target);
        });
    }

    /** The hop a URI names by itself (RFC 3263 without DNS: host, port, transport parameter). */
    public static Hop hopFor(URI uri) {
        if (!(uri instanceof SipURI sip)) {
            throw new IllegalArgumentException("cannot route to a non-SIP URI: " + uri);
        }
        String transport = sip.getTransportParam();
        if (transport == null) {
            transport = sip.isSecure() ? "tls" : "udp";
        }
        transport = transport.toLowerCase(Locale.ROOT);
        int port = sip.getPort();
        if (port <= 0) {
            port = "tls".equals(transport) ? 5061 : 5060;
        }
        return new HopImpl(sip.getHost(), port, transport);
    }

    @Override
    public Hop getOutboundProxy() {
        return null;
    }

    @Override
    @Deprecated
    public ListIterator<?> getNextHops(Request request) {
        return null;
    }
}
