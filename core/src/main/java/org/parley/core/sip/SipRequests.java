package org.parley.core.sip;

import gov.nist.javax.sip.Utils;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.UUID;
import javax.sip.InvalidArgumentException;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;

/** Builds the requests a client sends: From its AOR, Via and Contact on its endpoint, User-Agent. */
public final class SipRequests {
    private static final java.util.Set<String> LIST_HEADERS = java.util.Set.of("accept", "supported", "allow", "require");
    private final SipEndpoint endpoint;
    private final String aor;
    private final String username;
    private final String userAgent;

    public SipRequests(SipEndpoint endpoint, String aor, String username, String userAgent) {
        this.endpoint = endpoint;
        this.aor = aor;
        this.username = username;
        this.userAgent = userAgent;
    }

    public String aor() {
        return aor;
    }

    public static String newTag() {
        return Utils.getInstance().generateTag();
    }

    public String newCallId() {
        return UUID.randomUUID() + "@" + endpoint.localHost();
    }

    /**
     * A request; {@code toTag} null for out-of-dialog ones.
     *
     * @param requestUri where it goes (the AOR, or a dialog's remote target)
     * @param toUri      the To URI
     */
    public Request create(String method, String requestUri, String toUri, String toTag, String callId, long cseq,
                          String fromTag) {
        try {
            URI ruri = endpoint.addresses().createURI(requestUri);
            Address from = endpoint.addresses().createAddress(endpoint.addresses().createURI(aor));
            FromHeader fromH = endpoint.headers().createFromHeader(from, fromTag);
            ToHeader toH = endpoint.headers().createToHeader(endpoint.addresses().createAddress(
                    endpoint.addresses().createURI(toUri)), toTag);
            CallIdHeader callIdH = endpoint.headers().createCallIdHeader(callId);
            CSeqHeader cseqH = endpoint.headers().createCSeqHeader(cseq, method);
            ViaHeader via = endpoint.headers().createViaHeader(endpoint.localHost(), endpoint.localPort(),
                    endpoint.transport(), null);
            via.setRPort();
            MaxForwardsHeader mf = endpoint.headers().createMaxForwardsHeader(70);
            Request r = endpoint.messages().createRequest(ruri, method, callIdH, cseqH, fromH, toH, List.of(via), mf);
            r.addHeader(contact());
            r.addHeader(endpoint.headers().createHeader("User-Agent", userAgent));
            return r;
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalArgumentException("cannot build a " + method + " to " + requestUri + ": " + e.getMessage(), e);
        }
    }

    /** A new out-of-dialog request to {@code target} (Request-URI and To), with a fresh Call-ID and tag. */
    public Request outOfDialog(String method, String target) {
        return create(method, target, target, null, newCallId(), 1, newTag());
    }

    public ContactHeader contact() {
        try {
            SipURI uri = endpoint.addresses().createSipURI(username, endpoint.localHost());
            uri.setPort(endpoint.localPort());
            uri.setTransportParam(endpoint.transport());
            return endpoint.headers().createContactHeader(endpoint.addresses().createAddress(uri));
        } catch (ParseException e) {
            throw new IllegalStateException("cannot build the Contact", e);
        }
    }

    /** Sets a header given as name and value; a comma-separated list becomes one header per element. */
    public void header(Message m, String name, String value) {
        try {
            m.removeHeader(name);
            if (LIST_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT)) && value.contains(",")) {
                for (String part : value.split(",")) {
                    m.addHeader(endpoint.headers().createHeader(name, part.trim()));
                }
            } else {
                m.setHeader(endpoint.headers().createHeader(name, value));
            }
        } catch (ParseException e) {
            throw new IllegalArgumentException("bad " + name + " header value '" + value + "'", e);
        }
    }

    public Header parseHeader(String name, String value) {
        try {
            return endpoint.headers().createHeader(name, value);
        } catch (ParseException e) {
            throw new IllegalArgumentException("bad " + name + " header value '" + value + "'", e);
        }
    }

    /** Sets the body with a full Content-Type value such as {@code text/plain;charset=UTF-8}. */
    public void body(Message m, String contentType, byte[] content) {
        try {
            ContentTypeHeader ct = (ContentTypeHeader) endpoint.headers().createHeader(ContentTypeHeader.NAME, contentType);
            m.setContent(content, ct);
        } catch (ParseException e) {
            throw new IllegalArgumentException("bad content type '" + contentType + "'", e);
        }
    }

    public void body(Message m, String contentType, String text) {
        body(m, contentType, text.getBytes(StandardCharsets.UTF_8));
    }
}
