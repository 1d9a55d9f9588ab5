package org.parley.server.transport;

import java.util.Locale;
import java.util.Set;
import javax.sip.address.SipURI;
import javax.sip.address.URI;

/**
 * Who "we" are: the SIP domain we serve and the host names and ports we listen on.
 * A URI whose host is one of these is local; one that also names one of our ports (or none) is the server itself.
 */
public final class LocalDomain {
    private final String domain;
    private final String advertisedHost;
    private final Set<String> hosts;
    private final int sipPort;
    private final int tlsPort;

    public LocalDomain(String domain, String advertisedHost, Set<String> aliases, int sipPort, int tlsPort) {
        this.domain = domain.toLowerCase(Locale.ROOT);
        this.advertisedHost = advertisedHost;
        this.sipPort = sipPort;
        this.tlsPort = tlsPort;
        java.util.HashSet<String> all = new java.util.HashSet<>();
        all.add(this.domain);
        all.add(advertisedHost.toLowerCase(Locale.ROOT));
        aliases.forEach(a -> all.add(a.toLowerCase(Locale.ROOT)));
        this.hosts = Set.copyOf(all);
    }

    public String domain() {
        return domain;
    }

    public String advertisedHost() {
        return advertisedHost;
    }

    public int sipPort() {
        return sipPort;
    }

    public int tlsPort() {
        return tlsPort;
    }

    /** True when {@code host} names this server or its domain. */
    public boolean isLocalHost(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return hosts.contains(h);
    }

    /** True when the URI is in our domain (a user here, or the server). */
    public boolean isLocal(URI uri) {
        return uri instanceof SipURI sip && isLocalHost(sip.getHost());
    }

    /** True when the URI addresses this server process itself (local host and one of our ports, or no port). */
    public boolean isMe(SipURI uri) {
        if (!isLocalHost(uri.getHost())) {
            return false;
        }
        int port = uri.getPort();
        if (port <= 0) {
            return true;
        }
        return port == sipPort || port == tlsPort;
    }

    /** Port of our listener for a transport. */
    public int portFor(String transport) {
        return "tls".equalsIgnoreCase(transport) ? tlsPort : sipPort;
    }
}
