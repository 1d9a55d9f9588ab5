package org.parley.server.delegation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javax.sip.address.Address;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.message.Request;
import org.parley.core.contacts.ServiceCodec;
import org.parley.server.policy.Aors;
import org.parley.server.proxy.DelegatedCalls;
import org.parley.server.transport.Outbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Call delegation in the proxy (docs/protocol.md, "Call delegation", docs/decisions/0022-call-delegation.md):
 * authorizes INVITEs a delegate places for a manager ({@code P-Served-User}) against the current delegation and
 * asserts the manager's identity when asked ({@code P-Preferred-Identity} → {@code P-Asserted-Identity} "Delegate on
 * behalf of Manager"); tells every endpoint of a manager, by a MESSAGE of type {@link #ANSWERED_BY_TYPE}, which
 * delegate answered one of the manager's calls, and every endpoint of a delegate, by a MESSAGE of type
 * {@link #DELEGATION_CHANGED_TYPE}, that a manager added or removed them ({@link #delegatesChanged}).
 */
public final class DelegationCalls implements DelegatedCalls {
    private static final Logger LOG = LoggerFactory.getLogger(DelegationCalls.class);
    public static final String ANSWERED_BY_TYPE = "application/vnd.parley.answered-by+json";
    public static final String DELEGATION_CHANGED_TYPE = "application/vnd.parley.delegation-changed+json";

    private final String domain;
    private final DelegationStore store;
    private final Function<String, String> displayNames;
    private final Function<String, List<String>> contactsOf;
    private final Outbound outbound;

    /**
     * @param displayNames a user's display name (the user name when none)
     * @param contactsOf   a user's registered contact URIs
     */
    public DelegationCalls(String domain, DelegationStore store, Function<String, String> displayNames,
                           Function<String, List<String>> contactsOf, Outbound outbound) {
        this.domain = domain.toLowerCase(Locale.ROOT);
        this.store = store;
        this.displayNames = displayNames;
        this.contactsOf = contactsOf;
        this.outbound = outbound;
    }

    @Override
    public String authorize(String originator, Request template) {
        Header served = template.getHeader(SERVED_USER);
        boolean asManager = template.getHeader(PREFERRED_IDENTITY) != null;
        template.removeHeader(PREFERRED_IDENTITY);
        if (served == null) {
            return null;
        }
        String manager = localUser(uriOf(value(served)));
        if (manager == null || !store.isDelegate(manager, originator)) {
            return "not a delegate of " + (manager == null ? value(served) : manager);
        }
        String managerAor = Aors.of(manager, domain);
        try {
            template.setHeader(outbound.factories().headers().createHeader(SERVED_USER, "<" + managerAor + ">;sescase=orig"));
            if (asManager) {
                String delegateName = displayName((FromHeader) template.getHeader(FromHeader.NAME), originator);
                String shown = (delegateName + " on behalf of " + displayNames.apply(manager)).replace("\"", "'").replace("\\", "");
                template.setHeader(outbound.factories().headers().createHeader(ASSERTED_IDENTITY,
                        "\"" + shown + "\" <" + managerAor + ">"));
            }
        } catch (ParseException e) {
            return "cannot assert the manager's identity: " + e.getMessage();
        }
        return null;
    }

    @Override
    public void answeredBy(String manager, String callerAor, String delegate) {
        ObjectNode body = ServiceCodec.object();
        body.put("manager", Aors.of(manager, domain));
        body.put("caller", callerAor);
        body.put("delegate", Aors.of(delegate, domain));
        body.put("delegateName", displayNames.apply(delegate));
        send(delegate, manager, ANSWERED_BY_TYPE, ServiceCodec.writeBytes(body), "answered-by");
    }

    /**
     * Tells each delegate a manager {@code added} or {@code removed} (user names), at every registered contact, that
     * they now are, or no longer are, this manager's delegate: {@code {"manager":AOR,"managerName":..,"delegate":bool}}.
     */
    public void delegatesChanged(String manager, java.util.Collection<String> added,
                                 java.util.Collection<String> removed) {
        for (String d : added) {
            send(manager, d, DELEGATION_CHANGED_TYPE, changed(manager, true), "delegation-changed");
        }
        for (String d : removed) {
            send(manager, d, DELEGATION_CHANGED_TYPE, changed(manager, false), "delegation-changed");
        }
    }

    private byte[] changed(String manager, boolean delegate) {
        ObjectNode body = ServiceCodec.object();
        body.put("manager", Aors.of(manager, domain));
        body.put("managerName", displayNames.apply(manager));
        body.put("delegate", delegate);
        return ServiceCodec.writeBytes(body);
    }

    /** An out-of-dialog MESSAGE from user {@code fromUser} to every registered contact of user {@code to}. */
    private void send(String fromUser, String to, String type, byte[] bytes, String what) {
        for (String contact : contactsOf.apply(to)) {
            try {
                Address from = outbound.factories().addresses().createAddress(
                        outbound.factories().addresses().createURI(Aors.of(fromUser, domain)));
                from.setDisplayName(displayNames.apply(fromUser).replace("\"", "'"));
                Address toAddress = outbound.factories().addresses().createAddress(
                        outbound.factories().addresses().createURI(Aors.of(to, domain)));
                Request r = outbound.newRequest(Request.MESSAGE, outbound.factories().addresses().createURI(contact),
                        from, toAddress);
                r.setContent(bytes, (ContentTypeHeader) outbound.factories().headers().createHeader(
                        ContentTypeHeader.NAME, type));
                outbound.send(r, response -> LOG.debug("{} for {} at {}: {}", what, to, contact,
                        response.getStatusCode()));
            } catch (ParseException | RuntimeException e) {
                LOG.debug("cannot send {} to {} at {}: {}", what, to, contact, e.getMessage());
            }
        }
    }

    private static String displayName(FromHeader from, String fallback) {
        String n = from == null ? null : from.getAddress().getDisplayName();
        return n == null || n.isBlank() ? fallback : n;
    }

    private static String value(Header h) {
        String text = h.toString().trim();
        int colon = text.indexOf(':');
        return colon < 0 ? text : text.substring(colon + 1).trim();
    }

    /** The URI of a name-addr or addr-spec value ({@code "M" <sip:m@d>;sescase=orig} → {@code sip:m@d}). */
    static String uriOf(String value) {
        int lt = value.indexOf('<');
        int gt = value.indexOf('>', lt + 1);
        if (lt >= 0 && gt > lt) {
            return value.substring(lt + 1, gt).trim();
        }
        int semi = value.indexOf(';');
        return (semi < 0 ? value : value.substring(0, semi)).trim();
    }

    private String localUser(String uri) {
        if (uri.isEmpty()) {
            return null;
        }
        String n = Aors.normalize(uri.contains(":") ? uri : "sip:" + uri);
        String suffix = "@" + domain;
        return n.startsWith("sip:") && n.endsWith(suffix) ? n.substring(4, n.length() - suffix.length()) : null;
    }
}
