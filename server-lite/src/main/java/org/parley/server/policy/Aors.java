package org.parley.server.policy;

import java.util.Locale;
import javax.sip.address.SipURI;
import javax.sip.address.URI;

/** Normalized address-of-record strings used as keys across services: {@code sip:user@host}, lower case. */
public final class Aors {
    private Aors() {
    }

    public static String of(String user, String host) {
        return "sip:" + user.toLowerCase(Locale.ROOT) + "@" + host.toLowerCase(Locale.ROOT);
    }

    /** {@code sip:user@host} of a SIP URI (no port, parameters or headers); {@code tel:} URIs as the number. */
    public static String of(URI uri) {
        if (uri instanceof SipURI sip) {
            String user = sip.getUser();
            return user == null ? "sip:" + sip.getHost().toLowerCase(Locale.ROOT) : of(user, sip.getHost());
        }
        return uri.toString().toLowerCase(Locale.ROOT);
    }

    /** Parses and normalizes a URI string ("sip:Bob@Parley.Local;transport=tcp" → "sip:bob@parley.local"). */
    public static String normalize(String uri) {
        String s = uri.trim();
        if (s.startsWith("<") && s.endsWith(">")) {
            s = s.substring(1, s.length() - 1);
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("sips:")) {
            lower = "sip:" + lower.substring(5);
        }
        if (!lower.startsWith("sip:")) {
            return lower;
        }
        int end = lower.length();
        for (char c : new char[] {';', '?', '>'}) {
            int i = lower.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        String core = lower.substring(4, end);
        int at = core.indexOf('@');
        String host = at >= 0 ? core.substring(at + 1) : core;
        int colon = host.lastIndexOf(':');
        if (colon > 0 && !host.endsWith("]")) {
            host = host.substring(0, colon);
        }
        return "sip:" + (at >= 0 ? core.substring(0, at) + "@" : "") + host;
    }
}
