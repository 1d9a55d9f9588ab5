package org.parley.core.client.sip;

import java.nio.charset.StandardCharsets;

/**
 * The {@code message/sipfrag} bodies of the NOTIFYs of a REFER's implicit subscription (RFC 3515 §2.4.5, RFC 3420):
 * only the status line of the response the referred request got, e.g. {@code SIP/2.0 200 OK}.
 */
final class Sipfrag {
    static final String CONTENT_TYPE = "message/sipfrag;version=2.0";

    private Sipfrag() {
    }

    /** The status line for {@code status} and {@code reason} (CRLF-terminated, as RFC 3515 examples show). */
    static String statusLine(int status, String reason) {
        return "SIP/2.0 " + status + " " + reason + "\r\n";
    }

    /** The status code of a sipfrag body, or -1 if its first line is not a SIP status line. */
    static int status(byte[] body) {
        if (body == null) {
            return -1;
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        int eol = text.indexOf('\n');
        String first = (eol < 0 ? text : text.substring(0, eol)).strip();
        String[] parts = first.split(" ", 3);
        if (parts.length < 2 || !parts[0].equalsIgnoreCase("SIP/2.0") || !parts[1].matches("[1-6][0-9][0-9]")) {
            return -1;
        }
        return Integer.parseInt(parts[1]);
    }

    /** The status line of a sipfrag body without the version (for messages), or the whole first line. */
    static String describe(byte[] body) {
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8).strip();
        int eol = text.indexOf('\n');
        String first = (eol < 0 ? text : text.substring(0, eol)).strip();
        return first.regionMatches(true, 0, "SIP/2.0 ", 0, 8) ? first.substring(8) : first;
    }
}
