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
 * delegate answered one of the manager's calls.
 */
public final class DelegationCalls implements DelegatedCalls {
    private static final Logger LOG = LoggerFactory.getLogger(DelegationCalls.class);
    public static final String ANSWERED_BY_TYPE = "application/vnd.parley.answered-by+json";

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
        byte[] bytes = ServiceCodec.writeBytes(body);
        for (String contact : contactsOf.apply(manager)) {
            try {
                Address from = outbound.factories().addresses().createAddress(
                        outbound.factories().addresses().createURI(Aors.of(delegate, domain)));
                from.setDisplayName(displayNames.apply(delegate).replace("\"", "'"));
                Address to = outbound.factories().addresses().createAddress(
                        outbound.factories().addresses().createURI(Aors.of(manager, domain)));
                Request r = outbound.newRequest(Request.MESSAGE, outbound.factories().addresses().createURI(contact), from, to);
                r.setContent(bytes, (ContentTypeHeader) outbound.factories().headers().createHeader(ContentTypeHeader.NAME,
                        ANSWERED_BY_TYPE));
                outbound.send(r, response -> LOG.debug("answered-by for {} at {}: {}", manager, contact,
                        response.getStatusCode()));
            } catch (ParseException | RuntimeException e) {
                LOG.debug("cannot tell {} at {} who answered: {}", manager, contact, e.getMessage());
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
