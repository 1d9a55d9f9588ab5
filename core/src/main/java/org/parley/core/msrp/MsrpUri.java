package org.parley.core.msrp;

import java.util.Locale;

/**
 * An MSRP URI (RFC 4975 §6): {@code msrp://host:port/session-id;tcp} or {@code msrps://...} for TLS. The session id
 * is what ties a connection to one session.
 */
public record MsrpUri(boolean secure, String host, int port, String sessionId) {

    public static MsrpUri parse(String value) throws MsrpException {
        String v = value.trim();
        String lower = v.toLowerCase(Locale.ROOT);
        boolean secure;
        String rest;
        if (lower.startsWith("msrps://")) {
            secure = true;
            rest = v.substring(8);
        } else if (lower.startsWith("msrp://")) {
            secure = false;
            rest = v.substring(7);
        } else {
            throw new MsrpException("not an MSRP URI: '" + value + "'");
        }
        int slash = rest.indexOf('/');
        int semi = rest.indexOf(';', Math.max(slash, 0));
        if (slash <= 0 || semi <= slash + 1 || !"tcp".equalsIgnoreCase(rest.substring(semi + 1))) {
            throw new MsrpException("MSRP URI without host, session id or ;tcp: '" + value + "'");
        }
        String authority = rest.substring(0, slash);
        int at = authority.lastIndexOf('@');
        String hostPort = at >= 0 ? authority.substring(at + 1) : authority;
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || hostPort.endsWith("]")) {
            throw new MsrpException("MSRP URI without a port: '" + value + "'");
        }
        try {
            int port = Integer.parseInt(hostPort.substring(colon + 1));
            String host = hostPort.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            return new MsrpUri(secure, host, port, rest.substring(slash + 1, semi));
        } catch (NumberFormatException e) {
            throw new MsrpException("MSRP URI with a bad port: '" + value + "'", e);
        }
    }

    @Override
    public String toString() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return (secure ? "msrps://" : "msrp://") + h + ":" + port + "/" + sessionId + ";tcp";
    }
}
