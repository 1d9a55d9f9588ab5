package org.parley.attendant.notes;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Builds {@code mailto:} URIs (RFC 6068): header values are UTF-8, percent-encoded except the unreserved characters
 * (RFC 3986), and every line break in the body is sent as {@code %0D%0A}.
 */
final class Mailto {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Mailto() {
    }

    /** {@code mailto:?subject=...&body=...} with no recipient: the attendant picks one in the mail client. */
    static URI of(String subject, String body) {
        String normalized = body.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
        return URI.create("mailto:?subject=" + encode(subject) + "&body=" + encode(normalized));
    }

    /** Percent-encodes everything but ALPHA / DIGIT / "-" / "." / "_" / "~". */
    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }
}
