package org.parley.core.sip;

import java.nio.charset.StandardCharsets;
import javax.sip.address.URI;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.ToHeader;
import javax.sip.message.Message;

/** Reading the parts of received messages the client cares about. */
public final class SipMessages {
    private SipMessages() {
    }

    public static byte[] body(Message m) {
        byte[] raw = m.getRawContent();
        return raw == null ? new byte[0] : raw;
    }

    public static String text(Message m) {
        return new String(body(m), StandardCharsets.UTF_8);
    }

    /** The full Content-Type value ({@code type/subtype;params}), or "" when there is none. */
    public static String contentType(Message m) {
        ContentTypeHeader ct = (ContentTypeHeader) m.getHeader(ContentTypeHeader.NAME);
        if (ct == null) {
            return "";
        }
        String v = ct.toString();
        int colon = v.indexOf(':');
        return (colon >= 0 ? v.substring(colon + 1) : v).trim();
    }

    /** {@code type/subtype} in lower case, without parameters. */
    public static String mediaType(Message m) {
        ContentTypeHeader ct = (ContentTypeHeader) m.getHeader(ContentTypeHeader.NAME);
        return ct == null ? "" : (ct.getContentType() + "/" + ct.getContentSubType()).toLowerCase(java.util.Locale.ROOT);
    }

    /** A header's value without its name, or null. */
    public static String header(Message m, String name) {
        Header h = m.getHeader(name);
        if (h == null) {
            return null;
        }
        String v = h.toString();
        int colon = v.indexOf(':');
        return (colon >= 0 ? v.substring(colon + 1) : v).trim();
    }

    /** The From URI as {@code sip:user@host} without parameters. */
    public static String fromUri(Message m) {
        return aor(((FromHeader) m.getHeader(FromHeader.NAME)).getAddress().getURI());
    }

    public static String toUri(Message m) {
        return aor(((ToHeader) m.getHeader(ToHeader.NAME)).getAddress().getURI());
    }

    /** {@code sip:user@host} of a URI (no port, parameters or headers); other schemes as they are. */
    public static String aor(URI uri) {
        if (uri instanceof javax.sip.address.SipURI s) {
            return (s.isSecure() ? "sips:" : "sip:") + (s.getUser() == null ? "" : s.getUser() + "@") + s.getHost();
        }
        return uri.toString();
    }
}
