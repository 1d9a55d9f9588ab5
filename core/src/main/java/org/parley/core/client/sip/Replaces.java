package org.parley.core.client.sip;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The Replaces header (RFC 3891): names a dialog by Call-ID and tags, {@code to-tag} being the local tag of the
 * UA that receives it and {@code from-tag} the remote one (§6.1). Also the escaping that carries it, or any header,
 * inside a Refer-To URI ({@code ?Replaces=id%40host%3Bto-tag%3D...}, RFC 3261 §19.1.1).
 */
record Replaces(String callId, String toTag, String fromTag, boolean earlyOnly) {

    /** Parses a Replaces header value; null if it lacks the Call-ID or a tag. */
    static Replaces parse(String value) {
        if (value == null) {
            return null;
        }
        String[] parts = value.split(";");
        String callId = parts[0].strip();
        String to = null;
        String from = null;
        boolean early = false;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip();
            int eq = p.indexOf('=');
            String name = (eq < 0 ? p : p.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
            String v = eq < 0 ? "" : p.substring(eq + 1).strip();
            switch (name) {
                case "to-tag" -> to = v;
                case "from-tag" -> from = v;
                case "early-only" -> early = true;
                default -> { }
            }
        }
        if (callId.isEmpty() || to == null || from == null) {
            return null;
        }
        return new Replaces(callId, to, from, early);
    }

    /** The header value. */
    String value() {
        return callId + ";to-tag=" + toTag + ";from-tag=" + fromTag + (earlyOnly ? ";early-only" : "");
    }

    /** {@code uri} with this Replaces as an escaped URI header, as a Refer-To carries it. */
    String inUri(String uri) {
        return uri + (uri.contains("?") ? "&" : "?") + "Replaces=" + escape(value());
    }

    /** True if this names the dialog with {@code callId} whose local tag is {@code local} and remote tag {@code remote}. */
    boolean matches(String callId, String local, String remote) {
        return this.callId.equals(callId) && toTag.equals(local) && fromTag.equals(remote);
    }

    /** Escapes a URI header value: everything but unreserved and hnv-unreserved characters (RFC 3261 §25.1). */
    static String escape(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-_.!~*'()[]/:+$".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** Undoes {@link #escape} (a '+' stays a '+': URIs are not form data). */
    static String unescape(String value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] in = value.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '%' && i + 2 < in.length && Character.digit(in[i + 1], 16) >= 0 && Character.digit(in[i + 2], 16) >= 0) {
                out.write(Character.digit(in[i + 1], 16) * 16 + Character.digit(in[i + 2], 16));
                i += 2;
            } else {
                out.write(in[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A Refer-To value split into its target URI (without headers) and its URI headers, unescaped. */
    record ReferTo(String uri, Map<String, String> headers) {
        static ReferTo parse(String value) {
            String v = value.strip();
            int lt = v.indexOf('<');
            int gt = v.lastIndexOf('>');
            if (lt >= 0 && gt > lt) {
                v = v.substring(lt + 1, gt);
            } else {
                int semi = v.indexOf(';');
                v = semi < 0 ? v : v.substring(0, semi);
            }
            int q = v.indexOf('?');
            Map<String, String> headers = new LinkedHashMap<>();
            if (q >= 0) {
                for (String h : v.substring(q + 1).split("&")) {
                    int eq = h.indexOf('=');
                    if (eq > 0) {
                        headers.put(unescape(h.substring(0, eq)), unescape(h.substring(eq + 1)));
                    }
                }
                v = v.substring(0, q);
            }
            return new ReferTo(v.strip(), headers);
        }

        /** A URI header by name, ignoring case (null if absent). */
        String header(String name) {
            for (Map.Entry<String, String> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue();
                }
            }
            return null;
        }
    }
}
