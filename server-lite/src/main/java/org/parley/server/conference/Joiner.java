package org.parley.server.conference;

import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.ContactHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.message.Request;
import org.parley.server.policy.Aors;
import org.parley.server.proxy.DelegatedCalls;
import org.parley.server.transport.LocalDomain;

/**
 * Who an INVITE to a room comes from: the member's address of record (the authenticated user for local callers, the
 * From address otherwise), the name shown, the endpoint's contact, who referred it (Referred-By, RFC 3892) and the
 * manager it claims to act for (P-Served-User, RFC 5502).
 */
record Joiner(String aor, String name, String contact, String referredBy, String servedUser) {

    static Joiner of(Request invite, String user, LocalDomain domain, Function<String, String> displayNames) {
        FromHeader from = (FromHeader) invite.getHeader(FromHeader.NAME);
        URI fromUri = from.getAddress().getURI();
        String aor = user != null ? Aors.of(user, domain.domain()) : Aors.of(fromUri);
        String shown = from.getAddress().getDisplayName();
        if (shown == null || shown.isBlank()) {
            shown = user != null ? displayNames.apply(user)
                    : fromUri instanceof SipURI sip && sip.getUser() != null ? sip.getUser() : aor;
        }
        ContactHeader contact = (ContactHeader) invite.getHeader(ContactHeader.NAME);
        String endpoint = contact != null ? contact.getAddress().getURI().toString() : fromUri.toString();
        return new Joiner(aor, shown, endpoint, uriOf(invite.getHeader("Referred-By")),
                uriOf(invite.getHeader(DelegatedCalls.SERVED_USER)));
    }

    /** The local user name {@link #servedUser} names, or null when it is not a user of this domain. */
    String servedLocalUser(LocalDomain domain, Predicate<String> userExists) {
        if (servedUser == null || !servedUser.startsWith("sip:")) {
            return null;
        }
        String rest = servedUser.substring(4);
        int at = rest.indexOf('@');
        if (at <= 0 || !domain.isLocalHost(rest.substring(at + 1))) {
            return null;
        }
        String u = rest.substring(0, at).toLowerCase(Locale.ROOT);
        return userExists.test(u) ? u : null;
    }

    /** The normalized address in a name-addr header value ({@code "X" <sip:a@b>;p=1} → {@code sip:a@b}), or null. */
    private static String uriOf(Header h) {
        if (h == null) {
            return null;
        }
        String v = h.toString();
        int colon = v.indexOf(':');
        v = colon >= 0 ? v.substring(colon + 1).trim() : v.trim();
        int lt = v.indexOf('<');
        int gt = v.indexOf('>', lt + 1);
        if (lt >= 0 && gt > lt) {
            v = v.substring(lt + 1, gt);
        } else {
            int semi = v.indexOf(';');
            v = semi >= 0 ? v.substring(0, semi) : v;
        }
        return v.isBlank() ? null : Aors.normalize(v);
    }
}
